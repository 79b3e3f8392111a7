#!/usr/bin/env bash
# Installs what building and testing DataJax needs on a fresh Debian machine of this project's kind, and
# nothing when it is already there: a JDK 17, Maven, and MPJ Express 0.44 from Debian's libmpj-java
# (not on Maven Central; datajax-runtime compiles against /usr/share/java/mpj.jar and rank JVMs run it).
set -euo pipefail

packages=()
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
if [ ! -f /usr/share/java/mpj.jar ] || [ ! -f /usr/share/java/log4j-1.2.jar ]; then
  packages+=(libmpj-java)
fi
[ ${#packages[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "Missing packages: ${packages[*]}. Install them as root: apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing ${packages[*]} (apt-get)" >&2
"${as_root[@]}" apt-get install -y -q "${packages[@]}" >/dev/null \
  || { "${as_root[@]}" apt-get update -q >/dev/null && "${as_root[@]}" apt-get install -y -q "${packages[@]}" >/dev/null; }
