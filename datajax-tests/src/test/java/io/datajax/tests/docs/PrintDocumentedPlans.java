package io.datajax.tests.docs;

/** Prints the plans quoted in docs/explain.md, to refresh it after a planner change. */
public final class PrintDocumentedPlans {
    private PrintDocumentedPlans() {
    }

    public static void main(String[] args) {
        System.out.println(DocumentedPipelines.revenue().trace(DocumentedPipelines.ORDERS).explain());
        var byCountry = DocumentedPipelines.revenueByCountry();
        var program = byCountry.trace(DocumentedPipelines.FACT, DocumentedPipelines.USERS);
        System.out.println(program.printTraced());
        System.out.println(program.printOptimized());
        System.out.println(program.explain());
    }
}
