/**
 * Helpers shared by the file-format sources of {@code io.datajax.io.ipc} and {@code io.datajax.io.parquet}:
 * which files a path names ({@link io.datajax.io.files.SourceFiles}). No format knowledge; JDK and the error
 * hierarchy of {@code datajax-ir} only.
 */
package io.datajax.io.files;
