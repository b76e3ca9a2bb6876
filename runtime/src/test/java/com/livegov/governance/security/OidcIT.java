package com.livegov.governance.security;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OAuth2/OIDC resource-server mode: bearer tokens signed by the identity provider's key are accepted,
 * the groups come from the configured claim, and a token signed by another key is refused.
 */
class OidcIT {

    @TempDir
    static Path keys;
    private static KeyPair provider;
    private static RunningApp app;

    @BeforeAll
    static void startApplication() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        provider = generator.generateKeyPair();
        Path publicKey = keys.resolve("provider.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(provider.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        app = RunningApp.start(TestDatabase.newDatabase(),
                "governance.security.oidc.enabled=true",
                "governance.security.oidc.roles-claim=roles",
                "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void aTokenOfTheProviderLogsInWithTheGroupsOfItsClaim() throws Exception {
        Map<String, Object> metrics = Map.of("fanLossRate", new BigDecimal("2"), "interactionDrop", new BigDecimal("5"), "otherAccountMentions", 0);
        given(app.anonymousApi()).auth().oauth2(token(provider, "lena", List.of("legal")))
                .body(metrics).when().post("/decisions/TrafficAlert").then().statusCode(200);
        given(app.anonymousApi()).auth().oauth2(token(provider, "sally", List.of("streamer")))
                .body(metrics).when().post("/decisions/TrafficAlert").then().statusCode(403);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        given(app.anonymousApi()).auth().oauth2(token(generator.generateKeyPair(), "mallory", List.of("admin")))
                .when().get("/decisions").then().statusCode(401);
    }

    private static String token(KeyPair key, String subject, List<String> roles) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }
}
