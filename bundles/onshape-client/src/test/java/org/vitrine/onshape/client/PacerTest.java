package org.vitrine.onshape.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void calls_are_not_paced_until_onshape_says_too_many() {
        Pacer pacer = new Pacer();
        for (int i = 0; i < 100; i++) {
            assertEquals(0, pacer.reserve());
            pacer.accepted();
        }
        assertEquals(0, pacer.intervalNanos());
    }

    @Test
    void a_429_holds_every_caller_for_its_retry_after_and_paces_just_under_the_accepted_rate() {
        Pacer pacer = new Pacer();
        for (int i = 0; i < 40; i++) {
            pacer.reserve();
            pacer.accepted();
        }
        pacer.tooMany(2);
        long wait = pacer.reserve();
        assertTrue(wait > 1_900_000_000L && wait <= 2_000_000_000L, "waits out Retry-After: " + wait);
        long interval = pacer.intervalNanos();
        assertTrue(interval > 1_000_000_000L / 40 && interval < 1_000_000_000L / 30, "a little slower than 40/s: " + interval);
        long second = pacer.reserve();
        assertTrue(second - wait >= interval - 20_000_000, "the next call is about one interval later");
    }

    @Test
    void accepted_calls_probe_slowly_back_towards_the_limit_and_another_429_backs_off_again() {
        Pacer pacer = new Pacer();
        pacer.accepted();
        pacer.tooMany(1);
        long paced = pacer.intervalNanos();
        for (int i = 0; i < 100; i++) {
            pacer.accepted();
        }
        long probed = pacer.intervalNanos();
        assertTrue(probed < paced && probed > paced * 0.9, "a few percent faster after 100 calls: " + paced + " -> " + probed);
        pacer.tooMany(1);
        assertTrue(pacer.intervalNanos() > probed, "slower again");
    }
}
