# Built by docker-compose.yml from the production jar: ./mvnw -Pproduction -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/shencha-*.jar /app/shencha.jar
EXPOSE 8080
# G1PeriodicGCInterval: an idle app gives unused heap back to the OS (docs/performance.md, idle RSS).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:G1PeriodicGCInterval=15000", "-jar", "/app/shencha.jar"]
