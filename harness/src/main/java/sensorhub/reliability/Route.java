package sensorhub.reliability;

/** The routes of the README's API table, each with the status a well-formed request of the suite expects. */
enum Route {
    LIST_SENSORS("GET /api/sensors", 200),
    GET_SENSOR("GET /api/sensors/{id}", 200),
    CREATE_SENSORS("POST /api/sensors", 201),
    PUT_SENSOR("PUT /api/sensors/{id}", 200),
    PATCH_SENSOR("PATCH /api/sensors/{id}", 200),
    DELETE_SENSOR("DELETE /api/sensors/{id}", 204),
    POST_READINGS_JSON("POST /api/sensor_values (JSON)", 201),
    POST_READINGS_CSV("POST /api/sensor_values (CSV)", 201),
    DAY_VALUES("GET /api/sensor_values/{id}/{date}", 200),
    VALUES_RANGE("GET /api/sensors/{id}/values", 200),
    DAY_AGGREGATION("GET /api/daily_aggregations/{id}/{date}", 200),
    AGGREGATION_RANGE("GET /api/sensors/{id}/daily_aggregations", 200),
    SERIES("GET /api/sensors/{id}/series", 200),
    STATISTICS("GET /api/sensors/{id}/statistics", 200),
    STORAGE("GET /api/sensors/{id}/storage", 200),
    CREATE_KEY("POST /api/api_keys", 201),
    LIST_KEYS("GET /api/api_keys", 200),
    DELETE_KEY("DELETE /api/api_keys/{id}", 204),
    METRICS("GET /api/metrics", 200);

    private final String label;
    private final int expected;

    Route(String label, int expected) {
        this.label = label;
        this.expected = expected;
    }

    String label() {
        return label;
    }

    int expected() {
        return expected;
    }
}
