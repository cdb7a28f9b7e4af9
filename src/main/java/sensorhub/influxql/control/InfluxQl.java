package sensorhub.influxql.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import sensorhub.influxql.control.Column.Arithmetic;
import sensorhub.influxql.control.Column.Call;
import sensorhub.influxql.control.Column.Expr;
import sensorhub.influxql.control.Column.FieldRef;
import sensorhub.influxql.control.Column.Number;
import sensorhub.influxql.control.InfluxQLParser.AdditiveContext;
import sensorhub.influxql.control.InfluxQLParser.AndContext;
import sensorhub.influxql.control.InfluxQLParser.CallContext;
import sensorhub.influxql.control.InfluxQLParser.ComparisonContext;
import sensorhub.influxql.control.InfluxQLParser.DurationContext;
import sensorhub.influxql.control.InfluxQLParser.ExprContext;
import sensorhub.influxql.control.InfluxQLParser.FieldContext;
import sensorhub.influxql.control.InfluxQLParser.FillOptionContext;
import sensorhub.influxql.control.InfluxQLParser.FromClauseContext;
import sensorhub.influxql.control.InfluxQLParser.GroupByClauseContext;
import sensorhub.influxql.control.InfluxQLParser.IdentifierContext;
import sensorhub.influxql.control.InfluxQLParser.IntegerContext;
import sensorhub.influxql.control.InfluxQLParser.MatchContext;
import sensorhub.influxql.control.InfluxQLParser.MeasurementNameContext;
import sensorhub.influxql.control.InfluxQLParser.MeasurementRegexContext;
import sensorhub.influxql.control.InfluxQLParser.MultiplicativeContext;
import sensorhub.influxql.control.InfluxQLParser.NumberContext;
import sensorhub.influxql.control.InfluxQLParser.OrContext;
import sensorhub.influxql.control.InfluxQLParser.ParenthesizedContext;
import sensorhub.influxql.control.InfluxQLParser.SelectStatementContext;
import sensorhub.influxql.control.InfluxQLParser.StatementContext;
import sensorhub.influxql.control.InfluxQLParser.StringContext;
import sensorhub.influxql.control.InfluxQLParser.VariableContext;
import sensorhub.influxql.control.InfluxQLParser.WhereClauseContext;
import sensorhub.influxql.control.Statement.Fill;
import sensorhub.influxql.control.Statement.NameMatch;
import sensorhub.influxql.control.Statement.Paging;
import sensorhub.influxql.control.Statement.Select;
import sensorhub.influxql.control.Statement.Sources;

/**
 * Reads InfluxQL into {@link Statement}s: the grammar ({@code src/main/antlr4}, ANTLR) parses, and this class turns
 * its tree into what the statements mean, refusing in InfluxDB's words what this service does not answer.
 */
public final class InfluxQl {

    private static final long NANOS_PER_MICRO = 1_000;
    /** How InfluxDB begins the error of text that is no InfluxQL: the whole query is refused (400). */
    static final String PARSE_ERROR = "error parsing query: ";
    /** What InfluxDB 1.6 expects at the start of a statement, as it says when it finds something else. */
    private static final String STATEMENT_KEYWORDS = "SELECT, DELETE, SHOW, CREATE, DROP, EXPLAIN, GRANT, REVOKE, "
            + "ALTER, SET, KILL";
    /** The longest query text read: Grafana's longest are a few kilobytes. */
    public static final int MAX_QUERY_CHARS = 64 * 1024;
    /** Statements one query may hold at most: each may read up to its own limits. */
    public static final int MAX_STATEMENTS = 32;

    private final long nowNanos;

    private InfluxQl(long nowNanos) {
        this.nowNanos = nowNanos;
    }

    /**
     * The statements of the query text.
     *
     * @param nowNanos what {@code now()} is
     * @throws QueryException {@code error parsing query: ...} for text that is no InfluxQL this service reads
     */
    public static List<Statement> parse(String text, long nowNanos) {
        if (text.length() > MAX_QUERY_CHARS) {
            throw new QueryException(PARSE_ERROR + "longer than " + MAX_QUERY_CHARS + " characters");
        }
        InfluxQLLexer lexer = new InfluxQLLexer(CharStreams.fromString(text));
        InfluxQLParser parser = new InfluxQLParser(new CommonTokenStream(lexer));
        BaseErrorListener refuse = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int position, String message,
                    RecognitionException e) {
                throw new QueryException(PARSE_ERROR + found(recognizer, symbol, message) + " at line " + line
                        + ", char " + (position + 1));
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(refuse);
        parser.removeErrorListeners();
        parser.addErrorListener(refuse);
        InfluxQl reader = new InfluxQl(nowNanos);
        List<Statement> statements = new ArrayList<>();
        List<StatementContext> parsed = parser.query().statement();
        if (parsed.size() > MAX_STATEMENTS) {
            throw new QueryException(PARSE_ERROR + "more than " + MAX_STATEMENTS + " statements in one query");
        }
        for (StatementContext statement : parsed) {
            try {
                statements.add(reader.statement(statement));
            } catch (QueryException e) {
                if (e.getMessage().startsWith(PARSE_ERROR)) {
                    throw e;
                }
                statements.add(new Statement.Invalid(e.getMessage()));
            }
        }
        return statements;
    }

    /** InfluxDB's words for a syntax error: {@code found X, expected Y, Z}. */
    private static String found(Recognizer<?, ?> recognizer, Object symbol, String message) {
        if (!(symbol instanceof Token token) || !(recognizer instanceof InfluxQLParser parser)) {
            return message;
        }
        String text = token.getType() == Token.EOF ? "EOF" : token.getText();
        var expected = parser.getExpectedTokens();
        Token before = token.getTokenIndex() > 0 ? parser.getTokenStream().get(token.getTokenIndex() - 1) : null;
        boolean statementStart = before == null || before.getType() == InfluxQLParser.SEMI;
        if (statementStart || expected.contains(InfluxQLParser.SELECT) && expected.contains(InfluxQLParser.SHOW)) {
            return "found " + text + ", expected " + STATEMENT_KEYWORDS;
        }
        List<String> names = new ArrayList<>();
        for (int type : expected.toArray()) {
            names.add(type == Token.EOF ? "EOF" : parser.getVocabulary().getDisplayName(type).replace("'", ""));
        }
        return "found " + text + ", expected " + String.join(", ", names);
    }

    private Statement statement(StatementContext context) {
        if (context instanceof InfluxQLParser.SelectContext s) {
            return select(s.selectStatement());
        } else if (context instanceof InfluxQLParser.CreateDatabaseContext c) {
            return new Statement.CreateDatabase(name(c.identifier()));
        } else if (context instanceof InfluxQLParser.ShowDatabasesContext) {
            return new Statement.ShowDatabases();
        } else if (context instanceof InfluxQLParser.ShowRetentionPoliciesContext s) {
            return new Statement.ShowRetentionPolicies(on(s.onClause()));
        } else if (context instanceof InfluxQLParser.ShowMeasurementsContext s) {
            NameMatch measurement = s.withMeasurement() == null ? NameMatch.any()
                    : s.withMeasurement().REGEX() != null ? regexMatch(s.withMeasurement().REGEX(), false)
                    : new NameMatch(Optional.of(name(s.withMeasurement().identifier())), Optional.empty(), false);
            return new Statement.ShowMeasurements(on(s.onClause()), measurement, where(s.whereClause()),
                    paging(s.limitClause(), s.offsetClause()));
        } else if (context instanceof InfluxQLParser.ShowTagKeysContext s) {
            return new Statement.ShowTagKeys(on(s.onClause()), from(s.fromClause()), where(s.whereClause()),
                    paging(s.limitClause(), s.offsetClause()));
        } else if (context instanceof InfluxQLParser.ShowTagValuesContext s) {
            return new Statement.ShowTagValues(on(s.onClause()), from(s.fromClause()), tagKeys(s.tagKeys()),
                    where(s.whereClause()), paging(s.limitClause(), s.offsetClause()));
        } else if (context instanceof InfluxQLParser.ShowFieldKeysContext s) {
            return new Statement.ShowFieldKeys(on(s.onClause()), from(s.fromClause()));
        }
        throw new IllegalStateException("the grammar has no other statement");
    }

    /** A SHOW statement's tag condition (a time condition there is taken and passed over, as InfluxDB 1.x does). */
    private Condition where(WhereClauseContext where) {
        if (where == null) {
            return Condition.ALWAYS;
        }
        Where parts = new Where();
        parts.read(where.expr());
        return parts.tags;
    }

    private static Optional<String> on(InfluxQLParser.OnClauseContext on) {
        return on == null ? Optional.empty() : Optional.of(name(on.identifier()));
    }

    private static List<NameMatch> tagKeys(InfluxQLParser.TagKeysContext keys) {
        if (keys instanceof InfluxQLParser.TagKeyEqualsContext e) {
            return List.of(new NameMatch(Optional.of(name(e.identifier())), Optional.empty(),
                    e.op.getType() == InfluxQLParser.NEQ));
        } else if (keys instanceof InfluxQLParser.TagKeyMatchesContext m) {
            return List.of(regexMatch(m.REGEX(), m.op.getType() == InfluxQLParser.NEQ_REGEX));
        } else if (keys instanceof InfluxQLParser.TagKeyInContext in) {
            return in.identifier().stream().map(i -> new NameMatch(Optional.of(name(i)), Optional.empty(), false))
                    .toList();
        }
        throw new IllegalStateException("the grammar has no other form");
    }

    private static NameMatch regexMatch(TerminalNode regex, boolean negated) {
        return new NameMatch(Optional.empty(), Optional.of(regex(regex)), negated);
    }

    private static Regex regex(TerminalNode regex) {
        String text = regex.getText();
        return Regex.of(text.substring(1, text.length() - 1).replace("\\/", "/"));
    }

    private static Paging paging(InfluxQLParser.LimitClauseContext limit, InfluxQLParser.OffsetClauseContext offset) {
        return new Paging(limit == null ? 0 : count(limit.INTEGER()), offset == null ? 0 : count(offset.INTEGER()));
    }

    private static long count(TerminalNode integer) {
        try {
            return Long.parseLong(integer.getText());
        } catch (NumberFormatException e) {
            throw new QueryException(PARSE_ERROR + "unable to parse integer " + integer.getText());
        }
    }

    private static Sources from(FromClauseContext from) {
        if (from == null) {
            return new Sources(List.of(), Optional.empty());
        }
        List<NameMatch> measurements = new ArrayList<>();
        Optional<String> database = Optional.empty();
        for (var measurement : from.measurement()) {
            if (measurement instanceof MeasurementRegexContext r) {
                measurements.add(regexMatch(r.REGEX(), false));
            } else if (measurement instanceof MeasurementNameContext n) {
                measurements.add(new NameMatch(Optional.of(name(n.name)), Optional.empty(), false));
                // db.rp.m or db..m name the database; rp.m, which the grammar reads as a first part, does not
                if (n.DOT().size() == 2 && n.database != null) {
                    database = Optional.of(name(n.database));
                }
            }
        }
        return new Sources(measurements, database);
    }

    private Select select(SelectStatementContext s) {
        List<Column> columns = columns(s.field());
        Sources from = from(s.fromClause());
        Condition where = Condition.ALWAYS;
        TimeRange time = TimeRange.ALL;
        if (s.whereClause() != null) {
            Where parts = new Where();
            parts.read(s.whereClause().expr());
            where = parts.tags;
            time = parts.time;
        }
        long interval = 0;
        long offset = 0;
        List<String> groupTags = new ArrayList<>();
        boolean allTags = false;
        Fill fill = Fill.NULL;
        GroupByClauseContext group = s.groupByClause();
        if (group != null) {
            for (var dimension : group.dimension()) {
                if (dimension.MUL() != null) {
                    allTags = true;
                } else if (dimension.expr() instanceof CallContext call && name(call.identifier()).equals("time")) {
                    List<ExprContext> arguments = call.expr();
                    if (arguments.isEmpty() || arguments.size() > 2) {
                        throw new QueryException("time dimension expected 1 or 2 arguments");
                    }
                    interval = duration(arguments.get(0));
                    offset = arguments.size() == 2 ? duration(arguments.get(1)) : 0;
                    if (interval < 0) {
                        throw new QueryException("time dimension must have a positive duration");
                    }
                } else if (dimension.expr() instanceof VariableContext tag) {
                    groupTags.add(name(tag.identifier(0)));
                } else {
                    throw new QueryException("only time() calls allowed in dimensions");
                }
            }
            if (group.fillClause() != null) {
                fill = fill(group.fillClause().fillOption());
            }
        }
        boolean descending = s.orderByClause() != null && s.orderByClause().DESC() != null;
        if (s.orderByClause() != null && !name(s.orderByClause().identifier()).equals("time")) {
            throw new QueryException("only ORDER BY time supported at this time");
        }
        Optional<ZoneId> zone = Optional.empty();
        if (s.tzClause() != null) {
            String id = unquote(s.tzClause().STRING().getText());
            try {
                zone = Optional.of(ZoneId.of(id));
            } catch (DateTimeException e) {
                throw new QueryException(PARSE_ERROR + "unable to find time zone " + id);
            }
        }
        Select select = new Select(columns, from, where, time, interval, offset, groupTags, allTags, fill, descending,
                paging(s.limitClause(), s.offsetClause()),
                new Paging(s.slimitClause() == null ? 0 : count(s.slimitClause().INTEGER()),
                        s.soffsetClause() == null ? 0 : count(s.soffsetClause().INTEGER())),
                zone);
        if (interval > 0 && !select.aggregates()) {
            throw new QueryException("GROUP BY requires at least one aggregate function");
        }
        return select;
    }

    private List<Column> columns(List<FieldContext> fields) {
        List<Column> columns = new ArrayList<>();
        List<Boolean> aliased = new ArrayList<>();
        for (FieldContext field : fields) {
            aliased.add(field.identifier() != null);
            if (field.MUL() != null) {
                columns.add(new Column("*", new FieldRef("*")));
                continue;
            }
            Expr expr = column(field.expr());
            String name = field.identifier() != null ? name(field.identifier()) : columnName(expr);
            columns.add(new Column(name, expr));
        }
        boolean aggregates = columns.stream().anyMatch(Column::aggregates);
        if (aggregates && columns.stream().anyMatch(c -> !c.aggregates() && !(c.expr() instanceof Number))) {
            throw new QueryException("mixing aggregate and non-aggregate queries is not supported");
        }
        return deduplicated(columns, aliased);
    }

    /**
     * InfluxDB names a column after its function or field (arithmetic after each operand's, joined by {@code _});
     * aliases keep their names, and a name taken already gets {@code _1}, {@code _2}...
     */
    private static List<Column> deduplicated(List<Column> columns, List<Boolean> aliased) {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (aliased.get(i)) {
                taken.add(columns.get(i).name());
            }
        }
        List<Column> named = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String name = column.name();
            if (!aliased.get(i)) {
                for (int n = 1; taken.contains(name); n++) {
                    name = column.name() + "_" + n;
                }
                taken.add(name);
            }
            named.add(new Column(name, column.expr()));
        }
        return named;
    }

    private static String columnName(Expr expr) {
        if (expr instanceof Call call) {
            return call.function();
        } else if (expr instanceof FieldRef field) {
            return field.field();
        } else if (expr instanceof Arithmetic a) {
            String left = columnName(a.left());
            String right = columnName(a.right());
            return left.isEmpty() ? right : right.isEmpty() ? left : left + "_" + right;
        }
        return "";
    }

    private Expr column(ExprContext expr) {
        if (expr instanceof ParenthesizedContext p) {
            return column(p.expr());
        } else if (expr instanceof VariableContext v) {
            return new FieldRef(name(v.identifier(0)));
        } else if (expr instanceof IntegerContext || expr instanceof NumberContext) {
            return new Number(Double.parseDouble(expr.getText()));
        } else if (expr instanceof CallContext call) {
            return call(call);
        } else if (expr instanceof MultiplicativeContext m) {
            return new Arithmetic(m.op.getText().charAt(0), column(m.expr(0)), column(m.expr(1)));
        } else if (expr instanceof AdditiveContext a) {
            return new Arithmetic(a.op.getText().charAt(0), column(a.expr(0)), column(a.expr(1)));
        }
        throw new QueryException("unsupported expression in SELECT: " + expr.getText());
    }

    private Call call(CallContext call) {
        String function = name(call.identifier()).toLowerCase(Locale.ROOT);
        if (!Column.FUNCTIONS.contains(function)) {
            throw new QueryException("undefined function " + function + "()");
        }
        List<ExprContext> arguments = call.expr();
        int expected = function.equals("percentile") ? 2 : 1;
        if (call.MUL() != null) {
            if (function.equals("percentile")) {
                throw new QueryException("invalid number of arguments for percentile, expected 2, got 1");
            }
            return new Call(function, Column.ALL_FIELDS, 0);
        }
        if (arguments.size() != expected) {
            throw new QueryException("invalid number of arguments for " + function + ", expected " + expected
                    + ", got " + arguments.size());
        }
        if (!(arguments.get(0) instanceof VariableContext field)) {
            throw new QueryException("expected field argument in " + function + "()");
        }
        double argument = 0;
        if (expected == 2) {
            ExprContext percentage = arguments.get(1);
            if (!(percentage instanceof IntegerContext) && !(percentage instanceof NumberContext)) {
                throw new QueryException("expected float argument in percentile()");
            }
            argument = Double.parseDouble(percentage.getText());
        }
        return new Call(function, name(field.identifier(0)), argument);
    }

    private static Fill fill(FillOptionContext option) {
        if (option.identifier() != null) {
            return switch (name(option.identifier()).toLowerCase(Locale.ROOT)) {
                case "null" -> Fill.NULL;
                case "none" -> new Fill(Fill.Kind.NONE, 0);
                case "previous" -> new Fill(Fill.Kind.PREVIOUS, 0);
                case "linear" -> new Fill(Fill.Kind.LINEAR, 0);
                default -> throw new QueryException(PARSE_ERROR + "expected number argument in fill()");
            };
        }
        double value = Double.parseDouble((option.INTEGER() != null ? option.INTEGER() : option.NUMBER()).getText());
        return new Fill(Fill.Kind.VALUE, option.SUB() != null ? -value : value);
    }

    /** A {@code WHERE} split into its tag condition and its time range, which InfluxQL ANDs together. */
    private final class Where {
        Condition tags = Condition.ALWAYS;
        TimeRange time = TimeRange.ALL;

        void read(ExprContext expr) {
            if (expr instanceof ParenthesizedContext p) {
                read(p.expr());
            } else if (expr instanceof AndContext and && mentionsTime(and)) {
                read(and.expr(0));
                read(and.expr(1));
            } else if (mentionsTime(expr)) {
                timeCondition(expr);
            } else {
                tags = Condition.and(tags, condition(expr));
            }
        }

        private void timeCondition(ExprContext expr) {
            if (!(expr instanceof ComparisonContext c) || !isTime(c.expr(0))) {
                throw new QueryException("invalid time condition: " + expr.getText()
                        + " (time may be compared, and ANDed with other conditions)");
            }
            long nanos = instant(c.expr(1));
            time = switch (c.op.getType()) {
                case InfluxQLParser.GT -> time.from(nanos, false);
                case InfluxQLParser.GTE -> time.from(nanos, true);
                case InfluxQLParser.LT -> time.to(nanos, false);
                case InfluxQLParser.LTE -> time.to(nanos, true);
                case InfluxQLParser.EQ -> time.from(nanos, true).to(nanos, true);
                default -> throw new QueryException("invalid time comparison operator: " + c.op.getText());
            };
        }
    }

    private static boolean mentionsTime(ExprContext expr) {
        if (isTime(expr)) {
            return true;
        }
        for (int i = 0; i < expr.getChildCount(); i++) {
            if (expr.getChild(i) instanceof ExprContext child && mentionsTime(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTime(ExprContext expr) {
        return expr instanceof VariableContext v && name(v.identifier(0)).equalsIgnoreCase("time");
    }

    /** A tag condition: comparisons of tags with strings and regular expressions, ANDed and ORed. */
    private static Condition condition(ExprContext expr) {
        if (expr instanceof ParenthesizedContext p) {
            return condition(p.expr());
        } else if (expr instanceof AndContext a) {
            return new Condition.And(condition(a.expr(0)), condition(a.expr(1)));
        } else if (expr instanceof OrContext o) {
            return new Condition.Or(condition(o.expr(0)), condition(o.expr(1)));
        } else if (expr instanceof ComparisonContext c && c.expr(0) instanceof VariableContext v
                && c.expr(1) instanceof StringContext s
                && (c.op.getType() == InfluxQLParser.EQ || c.op.getType() == InfluxQLParser.NEQ)) {
            return new Condition.TagEquals(tagName(v), unquote(s.getText()), c.op.getType() == InfluxQLParser.NEQ);
        } else if (expr instanceof MatchContext m && m.expr() instanceof VariableContext v) {
            return new Condition.TagMatches(tagName(v), regex(m.REGEX()), m.op.getType() == InfluxQLParser.NEQ_REGEX);
        }
        throw new QueryException("unsupported condition: " + expr.getText()
                + " (tags may be compared with strings and regular expressions; field values cannot be yet)");
    }

    private static String tagName(VariableContext variable) {
        if (variable.identifier().size() == 2 && name(variable.identifier(1)).equalsIgnoreCase("field")) {
            throw new QueryException("conditions on field values are not supported: " + variable.getText());
        }
        return name(variable.identifier(0));
    }

    /** An instant of a time condition, in nanoseconds: a time string, a number of nanoseconds, {@code now()}. */
    private long instant(ExprContext expr) {
        if (expr instanceof ParenthesizedContext p) {
            return instant(p.expr());
        } else if (expr instanceof StringContext s) {
            return timeString(unquote(s.getText()));
        } else if (expr instanceof IntegerContext i) {
            return Long.parseLong(i.getText());
        } else if (expr instanceof DurationContext d) {
            return durationNanos(d.getText());
        } else if (expr instanceof CallContext c && name(c.identifier()).equalsIgnoreCase("now")
                && c.expr().isEmpty()) {
            return nowNanos;
        } else if (expr instanceof AdditiveContext a) {
            return a.op.getType() == InfluxQLParser.ADD ? instant(a.expr(0)) + instant(a.expr(1))
                    : instant(a.expr(0)) - instant(a.expr(1));
        }
        throw new QueryException("invalid time value: " + expr.getText());
    }

    private static long timeString(String text) {
        try {
            return nanos(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return nanos(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                try {
                    return nanos(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e3) {
                    throw new QueryException("invalid operation: time and *influxql.StringLiteral are not "
                            + "compatible");
                }
            }
        }
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static long duration(ExprContext expr) {
        if (!(expr instanceof DurationContext d)) {
            throw new QueryException("time dimension must have duration argument");
        }
        return durationNanos(d.getText());
    }

    /** A duration literal ({@code 1h30m}, {@code 1764806000000ms}) in nanoseconds. */
    static long durationNanos(String text) {
        long total = 0;
        int i = 0;
        String lower = text.toLowerCase(Locale.ROOT);
        while (i < lower.length()) {
            int digits = i;
            while (digits < lower.length() && Character.isDigit(lower.charAt(digits))) {
                digits++;
            }
            int unitEnd = digits;
            while (unitEnd < lower.length() && !Character.isDigit(lower.charAt(unitEnd))) {
                unitEnd++;
            }
            long amount = Long.parseLong(lower.substring(i, digits));
            long unit = switch (lower.substring(digits, unitEnd)) {
                case "ns" -> 1;
                case "u", "µ" -> NANOS_PER_MICRO;
                case "ms" -> 1_000_000;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "d" -> 86_400_000_000_000L;
                case "w" -> 604_800_000_000_000L;
                default -> throw new QueryException("invalid duration " + text);
            };
            try {
                total = Math.addExact(total, Math.multiplyExact(amount, unit));
            } catch (ArithmeticException e) {
                throw new QueryException("overflowed duration " + text + ": choose a smaller duration or "
                        + "INF/-INF");
            }
            i = unitEnd;
        }
        return total;
    }

    /** An identifier's name: bare, or double-quoted with {@code \"} and {@code \\} resolved. */
    static String name(IdentifierContext identifier) {
        Token token = identifier.getStart();
        String text = token.getText();
        return token.getType() == InfluxQLParser.QUOTED_IDENT ? unescape(text.substring(1, text.length() - 1))
                : text;
    }

    private static String unquote(String quoted) {
        return unescape(quoted.substring(1, quoted.length() - 1));
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
