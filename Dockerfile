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
# G1PeriodicGCInterval: an idle app gives unused heap back to the OS (docs/performance.md, idle RSS).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:G1PeriodicGCInterval=15000", "-jar", "/app/shencha.jar"]
