package com.livegov.governance.config;

import java.util.List;

import javax.sql.DataSource;

import org.kie.kogito.persistence.springboot.JDBCProcessInstancesFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Kogito's JDBC store of process instances, made part of the transaction and safe for concurrent writers.
 *
 * <p>Kogito's own factory (left out of the component scan) hands the store the bare connection pool: each write of a
 * process instance took a connection of its own and committed at once, outside the transaction of the request or
 * timer that made it. The instance was then ahead of its tasks, history and audit entries when that transaction
 * rolled back or the JVM died before its commit, and every process request held two connections. Here the store
 * writes on the transaction's connection ({@link TransactionAwareDataSourceProxy}).
 *
 * <p>Kogito stores an instance without checking that nobody changed it meanwhile (last write wins): two
 * completions of one task, on two application instances or two threads, both moved the process on. With the
 * optimistic lock on ({@code version} column), the later writer fails and its transaction rolls back; it answers
 * 409 ({@code inbox/TaskRequestErrors}, {@link ApiErrors}). Settings as Kogito's own factory reads them.
 */
@Configuration(proxyBeanMethods = false)
class KogitoProcessStoreConfig {

    @Bean
    JDBCProcessInstancesFactory processInstancesFactory(DataSource dataSource,
            @Value("${kogito.persistence.optimistic.lock:true}") boolean optimisticLock,
            @Value("${kogito.persistence.headers.enabled:false}") boolean headers,
            @Value("${kogito.persistence.headers.excluded:}") List<String> excludedHeaders) {
        return new JDBCProcessInstancesFactory(new TransactionAwareDataSourceProxy(dataSource), optimisticLock, headers, excludedHeaders);
    }
}
