# The service on Payara Micro 6, with MySQL from environment variables:
#   docker build -t sensorhub .
#   docker run -p 8080:8080 -e SENSORS_ADMIN_KEY=... -e SENSORS_DB_URL=jdbc:mysql://db:3306/sensorhub \
#              -e SENSORS_DB_USER=sensorhub -e SENSORS_DB_PASSWORD=... sensorhub
# The same WAR, driver and boot commands as the README's MySQL command, and the same Payara Micro: the jar the
# build fetches (the pom's payara.version), so that the image runs the version the tests ran on and the pom is
# the one place to change it.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src src
COPY server-config server-config
RUN mvn -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /opt/payara payara
WORKDIR /opt/payara
COPY --from=build /build/target/server/payara-micro.jar /opt/payara/payara-micro.jar
COPY --from=build /build/target/server/mysql-connector-j.jar /opt/payara/libs/mysql-connector-j.jar
COPY --from=build /build/server-config/payara/hardening.asadmin /opt/payara/config/hardening.asadmin
COPY --from=build /build/server-config/payara/system.properties /opt/payara/config/system.properties
COPY --from=build /build/server-config/payara/mysql.asadmin /opt/payara/config/mysql.asadmin
COPY --from=build /build/target/sensorhub.war /opt/payara/deployments/sensorhub.war
USER payara
EXPOSE 8080
# A heap of 70 % of the container's memory, as the official Payara images set it.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70.0", "-jar", "/opt/payara/payara-micro.jar"]
CMD ["--nohazelcast", "--addlibs", "/opt/payara/libs/mysql-connector-j.jar", \
     "--prebootcommandfile", "/opt/payara/config/hardening.asadmin", \
     "--systemproperties", "/opt/payara/config/system.properties", \
     "--postbootcommandfile", "/opt/payara/config/mysql.asadmin", \
     "--deploy", "/opt/payara/deployments/sensorhub.war", "--contextroot", "/"]
