package sensorhub.database.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import sensorhub.database.control.TransientFailures;

/**
 * Runs a {@link Retried} method up to four times while it fails transiently. An
 * EJB's transaction begins before any interceptor of its method runs, so a retry can only wrap a call made from
 * outside one: a {@code @Retried} method that finds a transaction running is a mistake of the code, refused at once.
 */
@Retried
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RetryTransactions {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object retried(InvocationContext call) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException(call.getMethod() + " is @Retried but runs inside a transaction");
        }
        return TransientFailures.retried(() -> {
            try {
                return call.proceed();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
