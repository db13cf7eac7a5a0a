package com.mindroom.admin.access;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditEntry.Outcome;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.instance.InstanceActionRefusedException;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Runs an admin action and its audit entry in one transaction, so an action is never done
 * without its entry; when the action is refused or fails, the entry is recorded anyway,
 * in a transaction of its own, with the outcome and why.
 */
public class AuditedActions {

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	public AuditedActions(PlatformTransactionManager transactionManager, AuditLog audit) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.audit = audit;
	}

	public <T> T run(AuditEntry entry, Supplier<T> work) {
		return run(entry, work, (done, result) -> done);
	}

	public void run(AuditEntry entry, Runnable work) {
		run(entry, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs an action whose audit entry depends on its result.
	 * @param entry the entry as known before the action
	 * @param work the action
	 * @param finish completes the entry from the result
	 * @param <T> the result type
	 * @return the result
	 */
	public <T> T run(AuditEntry entry, Supplier<T> work, BiFunction<AuditEntry, T, AuditEntry> finish) {
		try {
			return this.transactions.execute((status) -> {
				T result = work.get();
				this.audit.record(finish.apply(entry, result));
				return result;
			});
		}
		catch (InstanceActionRefusedException ex) {
			this.audit.record(entry.withOutcome(Outcome.DENIED).withDetail("error", ex.getMessage()));
			throw ex;
		}
		catch (ErrorResponseException ex) {
			boolean refused = ex.getStatusCode().is4xxClientError();
			this.audit.record(entry.withOutcome(refused ? Outcome.DENIED : Outcome.FAILURE)
				.withDetail("error", String.valueOf(ex.getBody().getDetail())));
			throw ex;
		}
		catch (RuntimeException ex) {
			this.audit.record(entry.withOutcome(Outcome.FAILURE).withDetail("error", ex.getClass().getSimpleName()));
			throw ex;
		}
	}

}
