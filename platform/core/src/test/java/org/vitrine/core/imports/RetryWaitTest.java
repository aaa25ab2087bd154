package org.vitrine.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RetryWaitTest {

    @Test
    void the_wait_before_trying_a_job_again_doubles_from_five_seconds_up_to_five_minutes() {
        assertEquals(5, ImportJobRunner.retryWaitSeconds(1));
        assertEquals(10, ImportJobRunner.retryWaitSeconds(2));
        assertEquals(20, ImportJobRunner.retryWaitSeconds(3));
        assertEquals(300, ImportJobRunner.retryWaitSeconds(7));
        assertEquals(300, ImportJobRunner.retryWaitSeconds(Integer.MAX_VALUE));
    }
}
