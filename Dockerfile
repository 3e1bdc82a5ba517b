# Built by docker-compose.yml from the production jar: ./mvnw -Pproduction -DskipTests package

# The jar extracted (Spring Boot's jarmode=tools): plain jars on the class path start about a quarter faster
# than classes nested in one jar (docs/performance.md, start-up), and each layer is cached on its own.
FROM eclipse-temurin:17-jre AS extract
WORKDIR /build
COPY target/shencha-*.jar shencha.jar
RUN java -Djarmode=tools -jar shencha.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
EXPOSE 8080
# G1PeriodicGCInterval with MaxHeapFreeRatio=30: an idle app gives the heap it grew under load back to the OS,
# down to its live data plus 30 % (docs/performance.md, idle RSS); under load the heap grows as G1 needs.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:G1PeriodicGCInterval=15000", "-XX:MinHeapFreeRatio=10", \
            "-XX:MaxHeapFreeRatio=30", "-jar", "/app/shencha.jar"]
