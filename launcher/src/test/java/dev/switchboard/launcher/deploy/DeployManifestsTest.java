package dev.switchboard.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.launcher.SwitchboardConfig;
import dev.switchboard.message.Topics;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.runtime.Switchboard;
import dev.switchboard.spi.ProviderConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files under {@code deploy/} (docs/deployment.md) agree with the platform: every
 * YAML file parses; the Switchboard configurations load with {@link SwitchboardConfig} and their
 * connections pass their connector's schema; ports and probe paths are those the ops server serves
 * on the configured {@code http.port}; every environment variable set for Switchboard is one the
 * platform reads; the stop grace of Compose and Kubernetes exceeds {@code runtime.shutdownGrace};
 * KEDA scales up to the configured partition count, on the groups and topics the runtime uses.
 *
 * <p>Paths are relative to the launcher module (Maven's working directory for tests).
 */
class DeployManifestsTest {
  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final Path COMPOSE_DIR = DEPLOY.resolve("compose");
  private static final Path K8S = DEPLOY.resolve("k8s");
  private static final Path K8S_BASE = K8S.resolve("base");
  private static final Path OPS_SERVER =
      Path.of("src", "main", "java", "dev", "switchboard", "launcher", "OpsServer.java");
  private static final Path LAUNCHER_SCRIPT = Path.of("src", "dist", "bin", "switchboard");

  /** Environment variables the platform reads, with the file that reads each one. */
  private static final Map<String, Path> PLATFORM_ENV =
      Map.of(
          "SWITCHBOARD_INSTANCE_ID",
          Path.of("src", "main", "java", "dev", "switchboard", "launcher", "InstanceIdentity.java"),
          "SWITCHBOARD_KAFKA_BOOTSTRAP",
          Path.of(
              "src", "main", "java", "dev", "switchboard", "launcher", "SwitchboardConfig.java"),
          "SWITCHBOARD_HEAP_PERCENT",
          LAUNCHER_SCRIPT,
          "JAVA_OPTS",
          LAUNCHER_SCRIPT);

  /**
   * After {@code runtime.shutdownGrace}, a stop still finishes a group join in flight (at most 15
   * s), closes the consumer with LEAVE_GROUP (10 s) and flushes the producer (10 s)
   * (docs/operations.md, Graceful shutdown).
   */
  private static final Duration STOP_MARGIN = Duration.ofSeconds(35);

  private static final String CONFIG_IN_IMAGE = "/etc/switchboard/switchboard.yaml";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern INSTANCE_ID = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path tmp;

  // ---------------------------------------------------------------------------------------------
  // Parsing

  @Test
  void everyYamlFileUnderDeployParsesDocumentByDocument() throws IOException {
    List<Path> files = filesUnder(DEPLOY, ".yaml", ".yml");
    assertThat(files).as("YAML files under deploy/").hasSizeGreaterThanOrEqualTo(15);
    for (Path f : files) {
      List<JsonNode> docs = documents(f);
      assertThat(docs).as(f + ": documents").isNotEmpty();
      assertThat(docs).as(f + ": every document a mapping").allMatch(JsonNode::isObject);
      // Jackson, the platform's own YAML reader, reads the same number of documents.
      try (MappingIterator<JsonNode> it =
          YAML.readerFor(JsonNode.class).readValues(Files.readString(f))) {
        assertThat(it.readAll()).as(f + ": documents read by Jackson").hasSameSizeAs(docs);
      }
    }
    for (Path f : filesUnder(DEPLOY, ".json")) {
      assertThatCode(() -> JSON.readTree(f.toFile())).as(f.toString()).doesNotThrowAnyException();
    }
  }

  @Test
  void everyKubernetesManifestNamesItsKindAndItself() throws IOException {
    for (Path f : filesUnder(K8S, ".yaml")) {
      if (isConfig(f)) {
        continue;
      }
      for (JsonNode doc : documents(f)) {
        assertThat(doc.path("apiVersion").asText()).as(f + ": apiVersion").isNotEmpty();
        assertThat(doc.path("kind").asText()).as(f + ": kind").isNotEmpty();
        if (!doc.path("kind").asText().equals("Kustomization")) {
          assertThat(doc.path("metadata").path("name").asText()).as(f + ": name").isNotEmpty();
        }
      }
    }
  }

  @Test
  void everyFileTheManifestsReferToExists() throws IOException {
    for (Path kustomization : filesNamed(K8S, "kustomization.yaml")) {
      Path dir = kustomization.getParent();
      JsonNode k = single(kustomization);
      List<String> refs = new ArrayList<>();
      k.path("resources").forEach(r -> refs.add(r.asText()));
      k.path("patches").forEach(p -> refs.add(p.path("path").asText()));
      k.path("configMapGenerator").forEach(g -> g.path("files").forEach(x -> refs.add(x.asText())));
      assertThat(refs).as(kustomization + ": references").isNotEmpty();
      for (String r : refs) {
        assertThat(dir.resolve(r)).as(kustomization + " refers to " + r).exists();
      }
    }
    JsonNode compose = compose();
    for (JsonNode service : iterable(compose.path("services"))) {
      for (JsonNode v : iterable(service.path("volumes"))) {
        String source = v.asText().split(":")[0];
        if (source.startsWith("./")) {
          assertThat(COMPOSE_DIR.resolve(source)).as("compose volume " + v.asText()).exists();
        }
      }
    }
    compose
        .path("secrets")
        .fields()
        .forEachRemaining(
            s ->
                assertThat(COMPOSE_DIR.resolve(s.getValue().path("file").asText()))
                    .as("compose secret " + s.getKey())
                    .isRegularFile());
  }

  // ---------------------------------------------------------------------------------------------
  // The Switchboard configurations

  @Test
  void theSwitchboardConfigurationsLoadWithThePlatformsOwnCheck() throws Exception {
    Map<String, Path> configs = configs();
    assertThat(configs).containsKeys("compose", "k8s/base", "k8s/overlays/production");
    Map<String, ProviderConnector<?>> connectors = Switchboard.discover();
    for (var e : configs.entrySet()) {
      SwitchboardConfig cfg = load(e.getValue());
      String where = e.getKey() + " (" + e.getValue() + ")";
      assertThat(cfg.bootstrap()).as(where + ": a real broker, never the embedded one").isNotNull();
      assertThat(cfg.connections())
          .as(where + ": connections, or the demo sandbox starts")
          .isNotEmpty();
      RuntimeSettings s = cfg.settings(cfg.bootstrap());
      assertThat(s.replicationFactor())
          .as(where + ": replication")
          .isGreaterThanOrEqualTo((short) 3);
      for (var provider : cfg.connections().entrySet()) {
        assertThat(connectors)
            .as(where + ": connectors on the class path")
            .containsKey(provider.getKey());
        for (var connection : provider.getValue().entrySet()) {
          // rateLimit and breaker are the runtime's keys, taken out before the connector's check
          ObjectNode settings = connection.getValue().deepCopy();
          settings.remove(List.of("rateLimit", "breaker"));
          assertThatCode(() -> connectors.get(provider.getKey()).configSpec().validate(settings))
              .as(where + ": connection " + provider.getKey() + "/" + connection.getKey())
              .doesNotThrowAnyException();
        }
      }
    }
  }

  @Test
  void composeSecretsAreComposeSecretsReadAsFiles() throws Exception {
    JsonNode compose = compose();
    Map<String, JsonNode> instances = switchboardServices(compose);
    List<String> files = placeholders(composeConfig()).files();
    assertThat(files).as("secrets in the compose configuration").isNotEmpty();
    for (String file : files) {
      assertThat(file).startsWith("/run/secrets/");
      String name = file.substring("/run/secrets/".length());
      assertThat(compose.path("secrets").has(name)).as("top-level compose secret " + name).isTrue();
      instances.forEach(
          (service, s) ->
              assertThat(secretNames(s.path("secrets"))).as(service + " secrets").contains(name));
    }
  }

  @Test
  void kubernetesSecretsAreSecretFilesMountedWhereTheConfigurationReadsThem() throws Exception {
    JsonNode statefulSet = k8sBase("StatefulSet");
    JsonNode container =
        statefulSet.path("spec").path("template").path("spec").path("containers").get(0);
    Map<String, JsonNode> secretsByName = new HashMap<>();
    for (JsonNode s : k8sBaseAll("Secret")) {
      secretsByName.put(s.path("metadata").path("name").asText(), s);
    }
    for (var e : k8sConfigs().entrySet()) {
      List<String> files = placeholders(e.getValue()).files();
      assertThat(files).as(e.getKey() + ": secrets").isNotEmpty();
      for (String file : files) {
        Path p = Path.of(file);
        String dir = p.getParent().toString();
        String key = p.getFileName().toString();
        JsonNode mount =
            find(container.path("volumeMounts"), m -> m.path("mountPath").asText().equals(dir));
        assertThat(mount).as(e.getKey() + ": a volume mounted at " + dir).isNotNull();
        JsonNode volume =
            find(
                statefulSet.path("spec").path("template").path("spec").path("volumes"),
                v -> v.path("name").asText().equals(mount.path("name").asText()));
        String secretName = volume.path("secret").path("secretName").asText();
        assertThat(secretName).as(dir + " is a Secret volume").isNotEmpty();
        JsonNode secret = secretsByName.get(secretName);
        assertThat(secret).as("Secret " + secretName).isNotNull();
        assertThat(secret.path("stringData").has(key) || secret.path("data").has(key))
            .as("Secret " + secretName + " has key " + key + " (" + file + ")")
            .isTrue();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Ports, probes, the image

  @Test
  void theOpsServerServesTheThreePathsTheManifestsUse() throws IOException {
    assertThat(opsPaths()).containsExactlyInAnyOrder("/health", "/ready", "/metrics");
  }

  @Test
  void theImageRunsTheLauncherAsANonRootUserWithAHealthCheckOnHealth() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("docker").resolve("Dockerfile"));
    assertThat(dockerfile).contains("ARG BASE=eclipse-temurin:17-jre");
    assertThat(dockerfile)
        .containsPattern("(?m)^ENTRYPOINT \\[\"/opt/switchboard/bin/switchboard\"\\]$");
    assertThat(dockerfile)
        .containsPattern("(?m)^CMD \\[\"run\", \"--config\", \"" + CONFIG_IN_IMAGE + "\"\\]$");
    assertThat(dockerfile).containsPattern("(?m)^VOLUME ");
    Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
    assertThat(user.find()).as("USER").isTrue();
    assertThat(user.group(1)).doesNotStartWith("0").doesNotStartWith("root");
    int exposed = intOf(dockerfile, "(?m)^EXPOSE (\\d+)$");
    String healthcheck = dockerfile.substring(dockerfile.indexOf("\nHEALTHCHECK"));
    healthcheck = healthcheck.substring(0, healthcheck.indexOf("\n\n"));
    assertThat(healthcheck).contains("/dev/tcp/127.0.0.1/" + exposed).contains("GET /health ");
    assertThat(opsPaths()).contains("/health");
    // The image's health check asks the port the Compose instances serve on.
    assertThat(load(composeConfig()).httpPort()).isEqualTo(exposed);
  }

  @Test
  void composePortsAndPrometheusTargetsAreTheConfiguredHttpPort() throws Exception {
    JsonNode compose = compose();
    SwitchboardConfig cfg = load(composeConfig());
    Map<String, JsonNode> instances = switchboardServices(compose);
    assertThat(instances).hasSize(3);
    for (var e : instances.entrySet()) {
      JsonNode s = e.getValue();
      assertThat(s.path("volumes").toString())
          .as(e.getKey() + " mounts the configuration where the image's CMD reads it")
          .contains("./switchboard.yaml:" + CONFIG_IN_IMAGE);
      for (JsonNode p : iterable(s.path("ports"))) {
        String[] parts = p.asText().split(":");
        assertThat(Integer.parseInt(parts[parts.length - 1]))
            .as(e.getKey() + " port " + p.asText())
            .isEqualTo(cfg.httpPort());
      }
    }
    JsonNode prometheus = single(COMPOSE_DIR.resolve("prometheus.yml"));
    Set<String> targets = new TreeSet<>();
    for (JsonNode job : iterable(prometheus.path("scrape_configs"))) {
      assertThat(job.path("metrics_path").asText("/metrics"))
          .isIn(opsPaths())
          .isEqualTo("/metrics");
      for (JsonNode sc : iterable(job.path("static_configs"))) {
        sc.path("targets").forEach(t -> targets.add(t.asText()));
      }
    }
    assertThat(targets)
        .containsExactlyInAnyOrderElementsOf(
            instances.keySet().stream().map(n -> n + ":" + cfg.httpPort()).toList());
  }

  @Test
  void kubernetesPortsProbesAndMetricsAreWhatTheOpsServerServes() throws Exception {
    JsonNode statefulSet = k8sBase("StatefulSet");
    JsonNode pod = statefulSet.path("spec").path("template");
    JsonNode container = pod.path("spec").path("containers").get(0);
    for (var e : k8sConfigs().entrySet()) {
      int httpPort = load(e.getValue()).httpPort();
      Map<String, Integer> ports = new HashMap<>();
      container
          .path("ports")
          .forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
      assertThat(ports.values()).as(e.getKey() + ": container ports").containsExactly(httpPort);
      Map<String, String> probes = new LinkedHashMap<>();
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        JsonNode get = container.path(probe).path("httpGet");
        if (get.isMissingNode()) {
          continue;
        }
        probes.put(probe, get.path("path").asText());
        JsonNode port = get.path("port");
        assertThat(port.isInt() ? port.asInt() : ports.get(port.asText()))
            .as(e.getKey() + ": " + probe + " port")
            .isEqualTo(httpPort);
      }
      assertThat(probes)
          .containsEntry("livenessProbe", "/health")
          .containsEntry("readinessProbe", "/ready");
      assertThat(probes.values()).isSubsetOf(opsPaths());
      JsonNode annotations = pod.path("metadata").path("annotations");
      assertThat(annotations.path("prometheus.io/port").asText())
          .as(e.getKey() + ": prometheus.io/port")
          .isEqualTo(String.valueOf(httpPort));
      assertThat(annotations.path("prometheus.io/path").asText())
          .as("prometheus.io/path")
          .isEqualTo("/metrics");
    }
    assertThat(container.path("args").toString())
        .isEqualTo("[\"run\",\"--config\",\"" + CONFIG_IN_IMAGE + "\"]");
    JsonNode configMount =
        find(container.path("volumeMounts"), m -> m.path("name").asText().equals("config"));
    assertThat(configMount.path("mountPath").asText() + "/switchboard.yaml")
        .isEqualTo(CONFIG_IN_IMAGE);
    List<JsonNode> services = k8sBaseAll("Service");
    assertThat(services).hasSize(2);
    assertThat(services).anyMatch(s -> s.path("spec").path("clusterIP").asText().equals("None"));
    assertThat(statefulSet.path("spec").path("serviceName").asText())
        .isIn(services.stream().map(s -> s.path("metadata").path("name").asText()).toList());
    for (JsonNode s : services) {
      for (JsonNode p : iterable(s.path("spec").path("ports"))) {
        JsonNode target = p.path("targetPort");
        assertThat(target.asText())
            .as(s.path("metadata").path("name").asText() + " targetPort")
            .isIn("http", "8080");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Environment

  @Test
  void theEnvironmentVariablesTheManifestsSetAreOnesThePlatformReads() throws Exception {
    PLATFORM_ENV.forEach(
        (name, reader) -> {
          try {
            assertThat(Files.readString(reader)).as(reader + " reads " + name).contains(name);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
    JsonNode compose = compose();
    Set<String> composeAllowed = new HashSet<>(PLATFORM_ENV.keySet());
    composeAllowed.addAll(placeholders(composeConfig()).env());
    Set<String> ids = new HashSet<>();
    for (var service : iterable(compose.path("services").fields())) {
      String name = service.getKey();
      String image = service.getValue().path("image").asText();
      Set<String> env = envNames(service.getValue().path("environment"));
      if (image.contains("switchboard")) {
        assertThat(env).as(name + ": environment").isSubsetOf(composeAllowed);
        if (switchboardServices(compose).containsKey(name)) {
          String id =
              service.getValue().path("environment").path("SWITCHBOARD_INSTANCE_ID").asText();
          assertThat(id).as(name + ": instance id").matches(INSTANCE_ID);
          assertThat(ids.add(id)).as(name + ": instance id " + id + " is its own").isTrue();
        }
      } else if (image.contains("apache/kafka")) {
        // Broker settings of the apache/kafka image: KAFKA_<property> and CLUSTER_ID.
        assertThat(env).as(name).allMatch(v -> v.startsWith("KAFKA_") || v.equals("CLUSTER_ID"));
      } else if (image.contains("grafana/grafana")) {
        assertThat(env).as(name + ": Grafana settings").allMatch(v -> v.startsWith("GF_"));
      } else {
        assertThat(env).as(name + ": an environment variable nobody explained").isEmpty();
      }
    }
    JsonNode container =
        k8sBase("StatefulSet").path("spec").path("template").path("spec").path("containers").get(0);
    Set<String> k8sAllowed = new HashSet<>(PLATFORM_ENV.keySet());
    for (Path config : k8sConfigs().values()) {
      k8sAllowed.addAll(placeholders(config).env());
    }
    assertThat(envNames(container.path("env"))).isSubsetOf(k8sAllowed);
    JsonNode id =
        find(container.path("env"), v -> v.path("name").asText().equals("SWITCHBOARD_INSTANCE_ID"));
    assertThat(id.path("valueFrom").path("fieldRef").path("fieldPath").asText())
        .as("the pod name is the instance identity")
        .isEqualTo("metadata.name");
  }

  // ---------------------------------------------------------------------------------------------
  // Stopping and scaling

  @Test
  void theStopGraceExceedsTheRuntimesShutdownGraceWithAMargin() throws Exception {
    Duration composeGrace = shutdownGrace(composeConfig());
    for (var e : switchboardServices(compose()).entrySet()) {
      Duration stop = duration(e.getValue().path("stop_grace_period").asText());
      assertThat(stop)
          .as(
              e.getKey()
                  + ": stop_grace_period vs runtime.shutdownGrace "
                  + composeGrace
                  + " + "
                  + STOP_MARGIN)
          .isGreaterThan(composeGrace.plus(STOP_MARGIN));
    }
    for (var e : k8sConfigs().entrySet()) {
      Duration grace = shutdownGrace(e.getValue());
      long seconds = terminationGracePeriodSeconds(e.getKey());
      assertThat(Duration.ofSeconds(seconds))
          .as(
              e.getKey()
                  + ": terminationGracePeriodSeconds vs runtime.shutdownGrace "
                  + grace
                  + " + "
                  + STOP_MARGIN)
          .isGreaterThan(grace.plus(STOP_MARGIN));
    }
  }

  @Test
  void kedaScalesUpToThePartitionCountOnTheRuntimesGroupsAndTopics() throws Exception {
    int overlaysWithKeda = 0;
    for (var e : k8sConfigs().entrySet()) {
      if (!e.getKey().startsWith("k8s/overlays/")) {
        continue;
      }
      Path overlay = K8S.resolve(e.getKey().substring("k8s/".length()));
      List<JsonNode> scaled = resources(overlay, "ScaledObject");
      if (scaled.isEmpty()) {
        continue;
      }
      overlaysWithKeda++;
      SwitchboardConfig cfg = load(e.getValue());
      RuntimeSettings s = cfg.settings(cfg.bootstrap());
      assertThat(scaled).hasSize(1);
      JsonNode spec = scaled.get(0).path("spec");
      assertThat(spec.path("maxReplicaCount").asInt())
          .as(e.getKey() + ": maxReplicaCount = kafka.partitions")
          .isEqualTo(cfg.partitions());
      assertThat(spec.path("minReplicaCount").asInt()).isBetween(1, cfg.partitions());
      assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("StatefulSet");
      assertThat(spec.path("scaleTargetRef").path("name").asText())
          .isEqualTo(k8sBase("StatefulSet").path("metadata").path("name").asText());
      Set<String> triggers = new TreeSet<>();
      for (JsonNode t : iterable(spec.path("triggers"))) {
        assertThat(t.path("type").asText()).isEqualTo("kafka");
        JsonNode m = t.path("metadata");
        assertThat(m.path("bootstrapServers").asText()).isEqualTo(cfg.bootstrap());
        assertThat(m.path("offsetResetPolicy").asText())
            .as("as the command consumer")
            .isEqualTo("earliest");
        triggers.add(m.path("consumerGroup").asText() + " " + m.path("topic").asText());
      }
      Set<String> expected = new TreeSet<>();
      for (String provider : cfg.connections().keySet()) {
        expected.add(
            s.groupId(provider) + " " + new Topics(cfg.topicPrefix(), provider).commands());
      }
      assertThat(triggers).as(e.getKey() + ": one trigger per provider group").isEqualTo(expected);
    }
    assertThat(overlaysWithKeda).as("overlays with a ScaledObject").isGreaterThanOrEqualTo(1);
  }

  @Test
  void theStrimziTopicsAreTheRuntimesTopicsWithTheProductionPartitionCount() throws Exception {
    SwitchboardConfig cfg = load(k8sConfigs().get("k8s/overlays/production"));
    Map<String, JsonNode> topics = new TreeMap<>();
    for (JsonNode t : documents(K8S.resolve("strimzi").resolve("kafkatopics.yaml"))) {
      assertThat(t.path("kind").asText()).isEqualTo("KafkaTopic");
      topics.put(t.path("spec").path("topicName").asText(), t.path("spec"));
    }
    Set<String> expected = new TreeSet<>();
    for (String provider : cfg.connections().keySet()) {
      Topics t = new Topics(cfg.topicPrefix(), provider);
      expected.addAll(List.of(t.commands(), t.results(), t.dlq(), t.ledger()));
      assertThat(topics.get(t.ledger()).path("config").path("cleanup.policy").asText())
          .contains("compact");
    }
    assertThat(topics.keySet()).isEqualTo(expected);
    assertThat(topics.values()).allMatch(t -> t.path("partitions").asInt() == cfg.partitions());
    JsonNode user = single(K8S.resolve("strimzi").resolve("kafkauser.yaml"));
    assertThat(user.path("spec").path("authorization").path("acls").toString())
        .contains("\"name\":\"" + cfg.topicPrefix() + ".\"");
  }

  @Test
  void theDashboardShowsOnlyMetricsThePlatformExports() throws IOException {
    String operations = Files.readString(Path.of("..", "docs", "operations.md"));
    JsonNode dashboard =
        JSON.readTree(
            COMPOSE_DIR
                .resolve("grafana")
                .resolve("dashboards")
                .resolve("switchboard.json")
                .toFile());
    Set<String> metrics = new TreeSet<>();
    Pattern name = Pattern.compile("\\b((?:switchboard|kafka|jvm|process)_[a-z_]+)");
    for (JsonNode panel : iterable(dashboard.path("panels"))) {
      for (JsonNode target : iterable(panel.path("targets"))) {
        Matcher m = name.matcher(target.path("expr").asText());
        while (m.find()) {
          metrics.add(m.group(1).replaceAll("_(bucket|count|sum)$", ""));
        }
      }
    }
    assertThat(metrics)
        .as("metrics on the dashboard")
        .contains(
            "switchboard_commands_total",
            "switchboard_command_duration_seconds",
            "switchboard_provider_call_seconds",
            "switchboard_commands_in_flight",
            "switchboard_breaker_state",
            "kafka_consumer_fetch_manager_records_lag",
            "jvm_memory_used_bytes");
    assertThat(metrics)
        .allSatisfy(m -> assertThat(operations).as("docs/operations.md lists " + m).contains(m));
  }

  @Test
  void ciDoesNotRunTheSmokeScript() throws IOException {
    assertThat(DEPLOY.resolve("smoke.sh")).isRegularFile();
    assertThat(Files.readString(Path.of("..", ".ci", "run"))).doesNotContain("smoke");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /**
   * Every document of {@code file}, YAML 1.1 as Compose and Kubernetes read it (anchors, merges).
   */
  private static List<JsonNode> documents(Path file) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<JsonNode> docs = new ArrayList<>();
    for (Object doc : yaml.loadAll(Files.readString(file))) {
      docs.add(JSON.valueToTree(doc));
    }
    return docs;
  }

  private static JsonNode single(Path file) throws IOException {
    List<JsonNode> docs = documents(file);
    assertThat(docs).as(file.toString()).hasSize(1);
    return docs.get(0);
  }

  private static List<Path> filesUnder(Path dir, String... suffixes) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> Stream.of(suffixes).anyMatch(x -> p.getFileName().toString().endsWith(x)))
          .sorted()
          .toList();
    }
  }

  private static List<Path> filesNamed(Path dir, String name) throws IOException {
    return filesUnder(dir, name).stream()
        .filter(p -> p.getFileName().toString().equals(name))
        .toList();
  }

  private static boolean isConfig(Path f) {
    return f.getFileName().toString().equals("switchboard.yaml")
        || f.getFileName().toString().equals("kustomization.yaml");
  }

  private static JsonNode compose() throws IOException {
    return single(COMPOSE_DIR.resolve("compose.yaml"));
  }

  /** The Compose configuration: the file mounted where the image's CMD reads it. */
  private static Path composeConfig() throws IOException {
    for (JsonNode s : switchboardServices(compose()).values()) {
      for (JsonNode v : iterable(s.path("volumes"))) {
        String[] parts = v.asText().split(":");
        if (parts[1].equals(CONFIG_IN_IMAGE)) {
          return COMPOSE_DIR.resolve(parts[0]).normalize();
        }
      }
    }
    throw new AssertionError("no compose service mounts " + CONFIG_IN_IMAGE);
  }

  /** Compose services that run Switchboard's platform (`run`, not the `sandbox` command). */
  private static Map<String, JsonNode> switchboardServices(JsonNode compose) {
    Map<String, JsonNode> out = new TreeMap<>();
    compose
        .path("services")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("image").asText().contains("switchboard")
                  && !e.getValue().path("command").path(0).asText().equals("sandbox")) {
                out.put(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  private static Set<String> secretNames(JsonNode secrets) {
    Set<String> out = new HashSet<>();
    secrets.forEach(s -> out.add(s.isTextual() ? s.asText() : s.path("source").asText()));
    return out;
  }

  /** The configuration of the base and of each overlay (its own, or the base's). */
  private static Map<String, Path> k8sConfigs() throws IOException {
    Map<String, Path> out = new TreeMap<>();
    out.put("k8s/base", configOf(K8S_BASE));
    Path overlays = K8S.resolve("overlays");
    try (Stream<Path> s = Files.list(overlays)) {
      for (Path overlay : s.filter(Files::isDirectory).sorted().toList()) {
        Path own = configOf(overlay);
        out.put("k8s/overlays/" + overlay.getFileName(), own != null ? own : configOf(K8S_BASE));
      }
    }
    return out;
  }

  private static Map<String, Path> configs() throws IOException {
    Map<String, Path> out = new TreeMap<>(k8sConfigs());
    out.put("compose", composeConfig());
    return out;
  }

  /** The switchboard.yaml of a kustomization's configMapGenerator, or null. */
  private static Path configOf(Path kustomizationDir) throws IOException {
    for (JsonNode g :
        iterable(
            single(kustomizationDir.resolve("kustomization.yaml")).path("configMapGenerator"))) {
      for (JsonNode f : iterable(g.path("files"))) {
        String file = f.asText().contains("=") ? f.asText().split("=", 2)[1] : f.asText();
        if (f.asText().startsWith("switchboard.yaml") || file.endsWith("switchboard.yaml")) {
          return kustomizationDir.resolve(file);
        }
      }
    }
    return null;
  }

  /** The documents of one kind among a kustomization's own resources. */
  private static List<JsonNode> resources(Path kustomizationDir, String kind) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r :
        iterable(single(kustomizationDir.resolve("kustomization.yaml")).path("resources"))) {
      Path p = kustomizationDir.resolve(r.asText());
      if (Files.isRegularFile(p)) {
        for (JsonNode doc : documents(p)) {
          if (doc.path("kind").asText().equals(kind)) {
            out.add(doc);
          }
        }
      }
    }
    return out;
  }

  private static List<JsonNode> k8sBaseAll(String kind) throws IOException {
    return resources(K8S_BASE, kind);
  }

  private static JsonNode k8sBase(String kind) throws IOException {
    List<JsonNode> all = k8sBaseAll(kind);
    assertThat(all).as("base " + kind).hasSize(1);
    return all.get(0);
  }

  /** The base's value, or that of a patch of the overlay that sets it. */
  private static long terminationGracePeriodSeconds(String where) throws IOException {
    JsonNode base = k8sBase("StatefulSet").path("spec").path("template").path("spec");
    long seconds = base.path("terminationGracePeriodSeconds").asLong(30); // Kubernetes' default
    if (where.startsWith("k8s/overlays/")) {
      Path overlay = K8S.resolve(where.substring("k8s/".length()));
      for (JsonNode p : iterable(single(overlay.resolve("kustomization.yaml")).path("patches"))) {
        for (JsonNode doc : documents(overlay.resolve(p.path("path").asText()))) {
          JsonNode v =
              doc.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds");
          if (doc.path("kind").asText().equals("StatefulSet") && v.isNumber()) {
            seconds = v.asLong();
          }
        }
      }
    }
    return seconds;
  }

  private static Set<String> opsPaths() throws IOException {
    Set<String> paths = new TreeSet<>();
    Matcher m = Pattern.compile("case \"(/[^\"]*)\"").matcher(Files.readString(OPS_SERVER));
    while (m.find()) {
      paths.add(m.group(1));
    }
    return paths;
  }

  private record Refs(List<String> env, List<String> files) {}

  /** The placeholders in the values of a configuration (comments and keys are not resolved). */
  private static Refs placeholders(Path config) throws IOException {
    List<String> env = new ArrayList<>();
    List<String> files = new ArrayList<>();
    collect(YAML.readTree(Files.readString(config)), env, files);
    return new Refs(env, files);
  }

  private static void collect(JsonNode node, List<String> env, List<String> files) {
    if (node.isTextual()) {
      Matcher m = PLACEHOLDER.matcher(node.asText());
      while (m.find()) {
        if (m.group(1).startsWith("file:")) {
          files.add(m.group(1).substring("file:".length()));
        } else {
          env.add(m.group(1));
        }
      }
    }
    node.forEach(n -> collect(n, env, files));
  }

  /**
   * Loads a configuration as {@code run --config} does. Its secret files are given as files under
   * the test's temporary directory (the same path below it) and its variables as values.
   */
  private SwitchboardConfig load(Path config) throws IOException {
    Refs refs = placeholders(config);
    String text = Files.readString(config);
    for (String file : refs.files()) {
      Path stand = tmp.resolve("secrets" + file);
      Files.createDirectories(stand.getParent());
      Files.writeString(stand, "test-value-of-" + stand.getFileName() + "\n");
      text = text.replace("${file:" + file + "}", "${file:" + stand.toAbsolutePath() + "}");
    }
    Map<String, String> env = new HashMap<>();
    refs.env().forEach(v -> env.put(v, "test-value-of-" + v));
    Path copy = Files.createTempFile(tmp, "switchboard", ".yaml");
    Files.writeString(copy, text);
    SwitchboardConfig cfg = SwitchboardConfig.load(copy, env);
    cfg.settings(cfg.bootstrap()); // numbers, durations, booleans
    return cfg;
  }

  private Duration shutdownGrace(Path config) throws IOException {
    SwitchboardConfig cfg = load(config);
    return cfg.settings(cfg.bootstrap()).shutdownGrace();
  }

  /** A Compose duration: 90s, 1m30s, 2m. */
  private static Duration duration(String text) {
    Matcher m = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?").matcher(text);
    if (text.isEmpty() || !m.matches()) {
      fail("not a Compose duration: '" + text + "'");
    }
    long s = 0;
    if (m.group(1) != null) s += Long.parseLong(m.group(1)) * 3600;
    if (m.group(2) != null) s += Long.parseLong(m.group(2)) * 60;
    if (m.group(3) != null) s += Long.parseLong(m.group(3));
    return Duration.ofSeconds(s);
  }

  private static int intOf(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static Set<String> envNames(JsonNode env) {
    Set<String> out = new TreeSet<>();
    if (env.isObject()) {
      env.fieldNames().forEachRemaining(out::add);
    } else {
      env.forEach(
          e -> out.add(e.isTextual() ? e.asText().split("=", 2)[0] : e.path("name").asText()));
    }
    return out;
  }

  private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> p) {
    for (JsonNode n : iterable(array)) {
      if (p.test(n)) {
        return n;
      }
    }
    return null;
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node::elements;
  }
}
