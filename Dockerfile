# Build with the project's own Maven wrapper, run on a JRE. No test run here: CI runs them.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/oqytu-*.jar /oqytu.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 oqytu
USER oqytu
COPY --from=build /oqytu.jar /app/oqytu.jar
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/oqytu.jar"]
