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
# A small, fixed footprint (decision 0035, docs/operations.md "Memory and start-up"): a 512 MB heap with the
# serial collector (one app on a small machine; no G1 bookkeeping), smaller thread stacks, capped code cache,
# metaspace and direct buffers, so the process stays near 600 MB resident. Override the whole line with
# JAVA_TOOL_OPTIONS in .env (e.g. a larger -Xmx for a machine with memory to spare). The heap starts at 128 MB
# and grows only as far as the live data need (free ratios 10-30 %), not to a share of the host's memory;
# two malloc arenas, not eight per core, for the native side (decision 0048: resident 810 -> ~600 MB). The young
# generation at most 64 MB: it was a third of the heap, so a heap grown by one large import kept ~100 MB of
# eden touched (decision 0048, amended: 599 -> 576 MB resident in the same focused bench run).
# The first metaspace threshold at 128 MB: the default (~21 MB) cost four full collections during start-up.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_TOOL_OPTIONS="-Xms128m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxNewSize=64m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=96m -XX:MetaspaceSize=128m -XX:MaxMetaspaceSize=256m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
# bash's /dev/tcp, so the check needs neither curl nor wget in the image. The start-up takes 15-30 s on the
# national data set and longer while a release's migrations run: failures in the first 5 minutes do not count,
# and a started app is seen healthy within 15 s.
HEALTHCHECK --interval=15s --timeout=5s --start-period=300s --retries=4 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/app/oqytu.jar"]
