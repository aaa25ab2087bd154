package org.vitrine.store.mariadb.internal;

/** How many rows are in one state: a row of a {@code GROUP BY state} count. */
public class StateCountRow {

    private String state;
    private long count;

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public long getCount() {
        return count;
    }

    public void setCount(long count) {
        this.count = count;
    }
}
