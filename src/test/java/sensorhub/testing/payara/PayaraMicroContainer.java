package sensorhub.testing.payara;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * One Payara Micro for a whole test run, started with the first deployment and stopped when the run ends.
 * Payara's own adapter (arquillian-payara-micro-managed) starts a new server for every test class, since Payara
 * Micro cannot take a deployment once running: with 15 test classes that cost about 4 of the suite's 8 minutes
 * here. Every black-box test deploys the same unchanged WAR ({@link sensorhub.testing.Deployments#war()}), so
 * the later deployments of a run find it deployed; a different archive is refused rather than ignored.
 */
public class PayaraMicroContainer implements DeployableContainer<PayaraMicroSettings> {

    private static final String LOOPBACK = "127.0.0.1";

    private PayaraMicroSettings settings;
    private Process server;
    private String deployed;

    @Override
    public Class<PayaraMicroSettings> getConfigurationClass() {
        return PayaraMicroSettings.class;
    }

    @Override
    public void setup(PayaraMicroSettings configuration) {
        settings = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        // the tests run as clients (BlackBoxTest: @RunAsClient, testable = false): nothing is sent in the WAR
        return new ProtocolDescription("Local");
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (deployed == null) {
            start(archive);
            deployed = archive.getName();
        } else if (!deployed.equals(archive.getName())) {
            throw new DeploymentException("This run's Payara Micro serves " + deployed + " and takes no other "
                    + "archive (" + archive.getName() + ")");
        }
        return new ProtocolMetaData().addContext(new HTTPContext(LOOPBACK, settings.getHttpPort())
                .add(new Servlet("default", contextRoot())));
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // kept for the run's next test class; stop() ends it
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("interrupted while stopping Payara Micro", e);
        } finally {
            server = null;
            deployed = null;
        }
    }

    private String contextRoot() {
        return "/" + deployed.replaceFirst("\\.war$", "");
    }

    private void start(Archive<?> archive) throws DeploymentException {
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "arquillian-payara"));
            File war = folder.resolve(archive.getName()).toFile();
            archive.as(ZipExporter.class).exportTo(war, true);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(words(settings.getCmdOptions()));
            command.addAll(List.of("-jar", settings.getMicroJar(), "--port", String.valueOf(settings.getHttpPort())));
            command.addAll(words(settings.getExtraMicroOptions()));
            command.addAll(List.of("--deploy", war.getPath()));
            File log = new File(settings.getLogFile());
            server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            Process started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            awaitDeployed(URI.create("http://" + LOOPBACK + ":" + settings.getHttpPort() + "/"
                    + archive.getName().replaceFirst("\\.war$", "") + "/"), log);
        } catch (IOException e) {
            throw new DeploymentException("Payara Micro did not start", e);
        }
    }

    /** Waits until the application answers its start page, or fails when the server exits or takes too long. */
    private void awaitDeployed(URI page, File log) throws DeploymentException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.getStartupTimeoutInSeconds());
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new DeploymentException("Payara Micro exited with " + server.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeploymentException("interrupted while waiting for Payara Micro", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeploymentException("interrupted while waiting for Payara Micro", e);
            }
        }
        server.destroyForcibly();
        throw new DeploymentException("Payara Micro did not serve " + page + " within "
                + settings.getStartupTimeoutInSeconds() + " s; see " + log);
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
