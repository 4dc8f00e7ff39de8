# Zorgpad's container image, built on the jar of the Maven build (docs/operations.md,
# "Packaging and topology"):
#
#   ./mvnw -B package -DskipTests
#   docker build -t zorgpad:0.1.0 .
#
# The jar's layers (dependencies, Spring Boot's loader, snapshots, Zorgpad itself) are extracted
# into layers of their own, so a new Zorgpad version only replaces the last, small one.
# Alternatively ./mvnw spring-boot:build-image builds an image with Cloud Native Buildpacks
# (configured in the pom; it needs Docker too).

FROM eclipse-temurin:17-jre AS layers
WORKDIR /build
COPY target/zorgpad-*.jar zorgpad.jar
RUN java -Djarmode=tools -jar zorgpad.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# a user of its own, no login, no shell; it owns only the data directory (H2 in single-node use)
RUN groupadd --system --gid 10001 zorgpad \
 && useradd --system --uid 10001 --gid zorgpad --home-dir /opt/zorgpad --no-create-home \
      --shell /usr/sbin/nologin zorgpad \
 && mkdir -p /opt/zorgpad /var/lib/zorgpad \
 && chown zorgpad:zorgpad /var/lib/zorgpad
WORKDIR /opt/zorgpad
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
# heap from the container's memory limit; die (and be restarted) rather than limp on after an OOM
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080
# health from inside the container (status only, database included), without curl in the image
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-jar", "zorgpad.jar", "--zorgpad.data-dir=/var/lib/zorgpad"]
