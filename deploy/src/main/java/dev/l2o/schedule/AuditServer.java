package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.notify.Notifier;
import dev.l2o.store.CoverageShares;
import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunRecord;
import dev.l2o.store.StoreDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code l2o serve}: runs the audits of a schedule file with Quartz until closed.
 *
 * <p>The Quartz job store lives in the run history's database (embedded H2 by default, PostgreSQL when
 * configured), so schedules survive restarts and a fire missed while the process was down runs once, late,
 * not once per missed fire. With {@code cluster: true} several processes on one PostgreSQL share the audits;
 * an audit never runs twice at once, and the fire a dead node was running is recovered by another node
 * under its original fire time. Reports are published atomically; {@link #close()} (also on SIGTERM, through a
 * shutdown hook) lets running audits finish within the grace period and marks the others interrupted.
 */
public final class AuditServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditServer.class);
    /** How long interrupted runs get to leave before the store closes under them. */
    private static final Duration INTERRUPTED_RUNS_LEAVE = Duration.ofSeconds(10);
    /** The Quartz job and trigger group of the audits; the key's name is the audit name. */
    static final String GROUP = "l2o-audits";
    /** The scheduler name: equal on every node of a cluster, since it keys the Quartz tables. */
    static final String SCHEDULER_NAME = "l2o";

    private final ScheduleConfig config;
    private final StoreDatabase database;
    private final RunHistoryStore store;
    private final Scheduler scheduler;
    private final AuditRunner runner;
    private final String nodeId;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile HealthEndpoint endpoint;
    private volatile Thread shutdownHook;

    private AuditServer(ScheduleConfig config, StoreDatabase database, Scheduler scheduler, AuditRunner runner, String nodeId) {
        this.config = config;
        this.database = database;
        this.store = new RunHistoryStore(database.dataSource());
        this.scheduler = scheduler;
        this.runner = runner;
        this.nodeId = nodeId;
    }

    /** Starts serving with {@link ServerOptions#defaults} over the process environment. */
    public static AuditServer start(ScheduleConfig config, AuditExecutor executor, Clock clock) {
        return start(config, executor, clock, ServerOptions.defaults(System.getenv()));
    }

    /**
     * Opens the store (migrating it), registers the audits' schedules, starts the scheduler and, if configured,
     * the health endpoint.
     *
     * @throws L2oException BAD_CONFIG when the store's credentials or the HTTP port are unusable,
     *     SOURCE_UNAVAILABLE when the store cannot be reached
     */
    public static AuditServer start(ScheduleConfig config, AuditExecutor executor, Clock clock, ServerOptions options) {
        requireNonNull(config, "config is null");
        requireNonNull(executor, "executor is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(options, "options is null");
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, config.dataDir() + ": cannot create the data folder: " + e.getMessage(), e);
        }
        // Quartz holds a connection for its scheduler thread, misfire handler and cluster manager besides each worker
        StoreDatabase database = StoreDatabase.open(config.store(), config.dataDir(), options.environment(), config.workers() + 5,
                StoreDatabase.Access.OWNER);
        String dataSourceName = "l2o-" + UUID.randomUUID();
        AuditServer server = null;
        try {
            DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolProvider(database.dataSource()));
            Scheduler scheduler = new StdSchedulerFactory(quartzProperties(config, options, database, dataSourceName)).getScheduler();
            String nodeId = config.cluster() ? scheduler.getSchedulerInstanceId() : hostName();
            AuditRunner runner = new AuditRunner(config, executor, new RunHistoryStore(database.dataSource()),
                    new Notifier(options.environment()), clock, nodeId, options.environment(), duration -> Thread.sleep(duration.toMillis()));
            scheduler.setJobFactory((bundle, ignored) -> new AuditJob(runner));
            server = new AuditServer(config, database, scheduler, runner, nodeId);
            if (!config.cluster()) {
                // one process owns an unclustered store: a run still marked running was cut off when it last stopped
                int cutOff = server.store.interruptRunning(clock.instant(), "the process stopped while the run was in progress");
                if (cutOff > 0) {
                    LOG.warn("l2o serve: {} run(s) cut off when the process last stopped marked interrupted", cutOff);
                }
            }
            server.synchronizeJobs();
            scheduler.start();
            if (config.http().isPresent()) {
                server.endpoint = HealthEndpoint.start(config.http().get(), server::health, server::metrics);
            }
            if (options.shutdownHook()) {
                server.shutdownHook = new Thread(server::close, "l2o-shutdown");
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            }
            LOG.info("l2o serve: node {} started with {} audits ({}{})", nodeId, config.audits().size(), database.description(),
                    config.cluster() ? ", cluster" : "");
            return server;
        } catch (SchedulerException | IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            } else {
                database.close();
            }
            if (e instanceof L2oException l2o) {
                throw l2o;
            }
            if (e instanceof IOException) {
                throw new L2oException(ErrorCode.BAD_CONFIG, "http: cannot listen on " + config.http().map(http -> http.bindAddress()
                        + ":" + http.port()).orElse("") + ": " + e.getMessage(), e);
            }
            throw new L2oException(ErrorCode.INTERNAL_ERROR, "cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    private static Properties quartzProperties(ScheduleConfig config, ServerOptions options, StoreDatabase database, String dataSourceName) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        // unclustered, the instance id must stay the same across restarts: Quartz recovers only its own fires
        properties.setProperty("org.quartz.scheduler.instanceId", config.cluster() ? options.nodeId().orElseGet(AuditServer::uniqueNodeId)
                : "NON_CLUSTERED");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.threadName", "l2o-scheduler");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(config.workers()));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "l2o-audit");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", database.dialect().quartzDelegateClass());
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // job data as strings, not Java serialization: readable and safe across versions
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(options.misfireThreshold().toMillis()));
        properties.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(config.cluster()));
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(options.clusterCheckinInterval().toMillis()));
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return properties;
    }

    /**
     * Makes the persisted jobs match the schedule file: adds new audits, reschedules changed ones and removes
     * the audits no longer in the file. An unchanged trigger is left alone, so that its missed fire (after
     * downtime) is still detected and run once.
     */
    private void synchronizeJobs() throws SchedulerException {
        Set<JobKey> wanted = new HashSet<>();
        for (ScheduledAudit audit : config.audits()) {
            JobKey jobKey = JobKey.jobKey(audit.name(), GROUP);
            TriggerKey triggerKey = TriggerKey.triggerKey(audit.name(), GROUP);
            wanted.add(jobKey);
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(audit.cron())
                    && cron.getTimeZone().toZoneId().equals(audit.timeZone())
                    && cron.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW
                    && scheduler.checkExists(jobKey)) {
                continue;
            }
            JobDetail job = JobBuilder.newJob(AuditJob.class)
                    .withIdentity(jobKey)
                    .withDescription("l2o audit " + audit.name())
                    .storeDurably()
                    .requestRecovery()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(triggerKey)
                    .forJob(jobKey)
                    .withSchedule(CronScheduleBuilder.cronSchedule(audit.cron())
                            .inTimeZone(TimeZone.getTimeZone(audit.timeZone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            try {
                scheduler.scheduleJob(job, Set.of(trigger), true);
            } catch (ObjectAlreadyExistsException e) {
                LOG.debug("audit {}: another node registered it at the same time", audit.name());
            }
            LOG.info("audit {}: scheduled \"{}\" ({}), next run {}", audit.name(), audit.cron(), audit.timeZone(),
                    Optional.ofNullable(scheduler.getTrigger(triggerKey)).map(Trigger::getNextFireTime).orElse(null));
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key)) {
                scheduler.deleteJob(key);
                LOG.info("audit {}: removed (no longer in {})", key.getName(), config.file());
            }
        }
    }

    /** The id this process records in the run history (the Quartz instance id in a cluster). */
    public String nodeId() {
        return nodeId;
    }

    /** The run history this server writes. */
    public RunHistoryStore store() {
        return store;
    }

    /** The port of the health endpoint, if one runs (useful with {@code port: 0}). */
    public Optional<Integer> httpPort() {
        HealthEndpoint current = endpoint;
        return current == null ? Optional.empty() : Optional.of(current.port());
    }

    /** When the audit runs next, if it is scheduled. */
    public Optional<Instant> nextRun(String auditName) {
        try {
            return Optional.ofNullable(scheduler.getTrigger(TriggerKey.triggerKey(auditName, GROUP)))
                    .map(Trigger::getNextFireTime)
                    .map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot read the schedule of " + auditName + ": " + e.getMessage(), e);
        }
    }

    private HealthEndpoint.Health health() {
        ObjectNode body = new ObjectMapper().createObjectNode();
        boolean schedulerUp;
        try {
            schedulerUp = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            schedulerUp = false;
        }
        boolean storeUp = storeAnswers(database.dataSource());
        boolean healthy = schedulerUp && storeUp && !closing.get();
        body.put("status", healthy ? "up" : "down");
        body.put("node", nodeId);
        body.put("scheduler", schedulerUp ? "running" : "stopped");
        body.put("store", storeUp ? "ok" : "unavailable");
        body.put("cluster", config.cluster());
        runner.runningAudits().forEach(body.putArray("running")::add);
        return new HealthEndpoint.Health(healthy, body.toString());
    }

    private static boolean storeAnswers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private String metrics() {
        List<String> names = config.audits().stream().map(ScheduledAudit::name).toList();
        List<RunRecord> latest = store.latestFinishedRuns();
        return PrometheusMetrics.render(names, latest, lastCoverage(latest), runner.runningAudits());
    }

    /** The coverage of each latest run that recorded one, by audit name. */
    private Map<String, CoverageShares> lastCoverage(List<RunRecord> latest) {
        Map<String, CoverageShares> coverage = new TreeMap<>();
        latest.forEach(run -> store.coverage(run.runId()).ifPresent(shares -> coverage.put(run.auditName(), shares)));
        return coverage;
    }

    /** Blocks until the server is closed (by {@link #close()} or on SIGTERM). */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Waits up to {@code timeout} for the server to be closed; true if it was. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops gracefully: no new fires; running audits get {@code shutdownGraceSeconds} to finish, after which they
     * are marked interrupted (their reports are never published half-written) and their threads interrupted.
     * In a cluster, another node later recovers an interrupted fire. Idempotent.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                terminated.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            scheduler.standby();
            // real time, not the injected clock: the grace period is an operational limit (Kubernetes kills after its own)
            if (!runner.isIdle()) {
                LOG.info("l2o serve: stopping; waiting up to {} s for {} to finish", config.shutdownGraceSeconds(), runner.runningAudits());
            }
            runner.awaitIdle(Duration.ofSeconds(config.shutdownGraceSeconds()));
            List<String> interrupted = runner.interruptAll("stopped: the process shut down before the run finished (grace "
                    + config.shutdownGraceSeconds() + " s)");
            // interrupted runs leave at once (they release their audit's lock in the store on the way): the store
            // closes after them, unless an executor ignores the interrupt (a socket read) past this bound
            scheduler.shutdown(runner.awaitIdle(INTERRUPTED_RUNS_LEAVE));
        } catch (SchedulerException e) {
            LOG.warn("l2o serve: the scheduler did not stop cleanly: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runner.interruptAll("stopped: the process was interrupted while shutting down");
        } finally {
            HealthEndpoint current = endpoint;
            if (current != null) {
                current.close();
            }
            database.close();
            removeShutdownHook();
            LOG.info("l2o serve: node {} stopped", nodeId);
            terminated.countDown();
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // the JVM is already running its hooks; ours has nothing left to do
            }
        }
    }

    /**
     * A cluster node id no other live node has. Not Quartz's AUTO (host name and start time in milliseconds): two
     * nodes started on one host in the same millisecond got the same id, and then neither saw the other fail.
     */
    static String uniqueNodeId() {
        return hostName() + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Hands Quartz connections from the store's pool; the pool's life is the server's, not Quartz's. */
    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the store closes the pool after the scheduler has stopped
        }

        @Override
        public void initialize() {
            // the pool is open before Quartz starts
        }
    }
}
