package com.livegov.governance.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The decision models in force, by name. At start-up it compiles every DMN model of the {@code rules} module
 * (one folder per decision); a model with an ERROR message is refused, the application does not start.
 * Every caller, REST or process, reaches a model through here, so publishing a new version later is one swap.
 */
@Component
class DecisionCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionCatalog.class);
    private static final String MODELS = "classpath*:/*/*.dmn";
    /** Our models' namespaces; libraries on the classpath ship DMN files of their own. */
    static final String NAMESPACE_PREFIX = "https://streamer-governance.org/dmn/";

    private final Map<String, PublishedDecision> byName = new ConcurrentHashMap<>();

    DecisionCatalog() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(MODELS)) {
                String xml = read(resource);
                if (xml.contains("namespace=\"" + NAMESPACE_PREFIX)) {
                    publish(compile(resource.getURL().toString(), xml));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the decision models", e);
        }
        LOG.info("Decision models in force: {}", byName.keySet());
    }

    Optional<PublishedDecision> current(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Optional<PublishedDecision> byNamespace(String namespace, String name) {
        return current(name).filter(decision -> decision.namespace().equals(namespace));
    }

    Collection<PublishedDecision> all() {
        return new TreeMap<>(byName).values();
    }

    private void publish(PublishedDecision decision) {
        PublishedDecision previous = byName.putIfAbsent(decision.name(), decision);
        if (previous != null) {
            throw new IllegalStateException("Two decision models are named " + decision.name() + ": "
                    + previous.source() + " and " + decision.source());
        }
    }

    static PublishedDecision compile(String source, String xml) {
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults()
                .buildConfiguration()
                .fromResources(List.of(ResourceFactory.newReaderResource(new StringReader(xml)).setSourcePath(source)))
                .getOrElseThrow(e -> new IllegalStateException("Decision model " + source + " does not compile", e));
        runtime.addListener(MatchedRules.LISTENER);
        DMNModel model = runtime.getModels().get(0);
        List<DMNMessage> errors = model.getMessages(DMNMessage.Severity.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Decision model " + source + " has errors: " + errors);
        }
        return new PublishedDecision(model.getName(), model.getNamespace(), sha256(xml), source, model, runtime,
                DecisionInputs.describe(model));
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
