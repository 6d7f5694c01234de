package app.carryover.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what the application asks of the database on the current thread: statements, transactions
 * (each commit, and each statement run in auto-commit, which is a transaction of its own) and
 * connections taken from the pool. Every test context's DataSource is wrapped in it (inside the
 * practice fence, so the fence's own statements count); counting is on only inside {@link #count}.
 */
public final class StatementCounter extends DelegatingDataSource {

    /** What one piece of work asked of the database. */
    public static final class Counts {
        private final List<String> statements = new ArrayList<>();
        private int transactions;
        private int connections;

        public int statements() {
            return statements.size();
        }

        public int transactions() {
            return transactions;
        }

        public int connections() {
            return connections;
        }

        public List<String> sql() {
            return statements;
        }

        @Override
        public String toString() {
            return statements() + " statements, " + transactions + " transactions, " + connections + " connections:\n  "
                    + String.join("\n  ", statements);
        }
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static final ThreadLocal<Counts> current = new ThreadLocal<>();
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    StatementCounter(DataSource target) {
        super(target);
    }

    /** Runs the work on this thread and says what it asked of the database. */
    public static Counts count(Work work) throws Exception {
        Counts counts = new Counts();
        current.set(counts);
        try {
            work.run();
        } finally {
            current.remove();
        }
        return counts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(super.getConnection(username, password));
    }

    private static Connection counted(Connection connection) {
        Counts counts = current.get();
        if (counts == null) {
            return connection;
        }
        counts.connections++;
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(connection, counts));
    }

    private record ConnectionHandler(Connection target, Counts counts) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("commit")) {
                counts.transactions++;
            }
            Object result = call(target, method, args);
            if (result instanceof Statement statement && method.getName().matches("prepareStatement|prepareCall|createStatement")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<?> type = method.getReturnType();
                return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(statement, sql, target, counts));
            }
            return result;
        }
    }

    private record StatementHandler(Statement target, String sql, Connection connection, Counts counts)
            implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (EXECUTE.contains(method.getName())) {
                String text = sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                counts.statements.add(text.replaceAll("\\s+", " ").trim());
                if (connection.getAutoCommit()) {
                    counts.transactions++;
                }
            }
            return call(target, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
