# Build with the project's own Maven wrapper, run on a JRE. No tests here (CI runs them): -Dmaven.test.skip
# compiles and runs no test code, and -Dimage.build leaves out the browser-test profile (pom.xml), so
# Maven never fetches Playwright's 200 MB driver bundle and nothing downloads a browser.
FROM eclipse-temurin:17-jdk AS build
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -Dimage.build dependency:go-offline
COPY src src
RUN ./mvnw -B -q -Dimage.build -Dmaven.test.skip=true package && cp target/oqytu-*.jar /oqytu.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home oqytu
COPY --from=build /oqytu.jar /app/oqytu.jar
USER oqytu
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# bash's /dev/tcp, so the check needs neither curl nor wget in the image
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/app/oqytu.jar"]
