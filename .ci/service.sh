# Sourced by the CI stages that run a client against the service as the README runs it: the WAR and Payara Micro
# that `./mvnw verify` left in target/, a fresh embedded H2 file, a private port. start_service PORT KEY starts it,
# waits until it is ready, and stops it (and removes its data) when the sourcing script exits.
# The stopped server's status (143) is not the script's: under set -e a failing command in the trap would be.
stop_service() {
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    rm -rf "$SERVICE_DATA"
}

start_service() {
    local port=$1 key=$2
    SERVICE_DATA=$(mktemp -d)
    SERVICE_LOG=target/service-$port.log
    SENSORS_ADMIN_KEY=$key SENSORS_H2_FILE=$SERVICE_DATA/sensorhub java -jar target/server/payara-micro.jar \
        --nohazelcast --port "$port" --prebootcommandfile server-config/payara/hardening.asadmin \
        --systemproperties server-config/payara/system.properties \
        --postbootcommandfile server-config/payara/h2-file.asadmin \
        --deploy target/sensorhub.war --contextroot / > "$SERVICE_LOG" 2>&1 &
    SERVICE_PID=$!
    trap stop_service EXIT
    for _ in $(seq 1 180); do
        curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && return 0
        kill -0 $SERVICE_PID 2>/dev/null || { tail -40 "$SERVICE_LOG"; echo "Payara Micro ended before it was ready"; return 1; }
        sleep 1
    done
    tail -40 "$SERVICE_LOG"
    echo "not ready after 180 s"
    return 1
}
