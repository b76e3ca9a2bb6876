package com.livegov.governance.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code governance.demo-data.enabled}: seed the demo data into an empty database at start-up (on in the embedded
 * default, off in the production profile and, unless a test asks for it, in the tests).
 */
@ConfigurationProperties(prefix = "governance.demo-data")
record DemoDataProperties(boolean enabled) {
}
