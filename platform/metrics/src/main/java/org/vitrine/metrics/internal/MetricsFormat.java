package org.vitrine.metrics.internal;

/**
 * The exposition formats {@code /metrics} speaks: Prometheus' text format (version 0.0.4), or OpenMetrics when the
 * scraper asks for it in {@code Accept}, as Prometheus does by default.
 */
enum MetricsFormat {
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPEN_METRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    MetricsFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static MetricsFormat accepted(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPEN_METRICS : PROMETHEUS_TEXT;
    }
}
