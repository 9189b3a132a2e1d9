package kz.oqytu.audit.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;


/**
 * Boot's JPA transaction manager, plus one thing: each write transaction tells PostgreSQL who acts
 * ({@code set_config('oqytu.actor', …, true)}, local to the transaction), which the audit triggers
 * record. Without a signed-in user the actor is "system" (demo data, scheduled jobs). Transactions
 * labelled {@link kz.oqytu.shared.db.Transactions#UNAUDITED} (they write no audited table) skip it.
 */
@Configuration(proxyBeanMethods = false)
class AuditingTransactionManager {

	@Bean
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		JpaTransactionManager manager = new ActorTransactionManager(entityManagerFactory);
		customizers.ifAvailable(c -> c.customize(manager));
		return manager;
	}

	static final class ActorTransactionManager extends JpaTransactionManager {

		ActorTransactionManager(EntityManagerFactory emf) {
			super(emf);
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			super.doBegin(transaction, definition);
			if (definition.isReadOnly() || (definition instanceof TransactionAttribute attribute
					&& attribute.getLabels().contains(kz.oqytu.shared.db.Transactions.UNAUDITED))) {
				return;
			}
			DataSource dataSource = getDataSource();
			ConnectionHolder holder = dataSource == null ? null
					: (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
			if (holder == null) {
				return;
			}
			// Read from the request (see AuditActorFilter), never from the security context here: resolving
			// it may load the session, which opens a transaction, which would come back here.
			String actor = AuditActorFilter.actor();
			Connection connection = holder.getConnection();
			try (PreparedStatement statement = connection.prepareStatement("select set_config('oqytu.actor', ?, true)")) {
				statement.setString(1, actor);
				statement.execute();
			}
			catch (SQLException ex) {
				throw new org.springframework.transaction.CannotCreateTransactionException("cannot name the actor", ex);
			}
		}
	}
}
