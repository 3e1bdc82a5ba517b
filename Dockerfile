# Built by docker-compose.yml from the production jar: ./mvnw -Pproduction -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/shencha-*.jar /app/shencha.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/shencha.jar"]
