package org.vitrine.it;

/** Ends what a test class started, in order, skipping what never started; the first failure is thrown at the end. */
final class Closing {

    private Closing() {
    }

    static void all(AutoCloseable... things) throws Exception {
        Exception first = null;
        for (AutoCloseable thing : things) {
            try {
                if (thing != null) {
                    thing.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
