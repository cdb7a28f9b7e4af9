package sensorhub.testing.payara;

import java.io.File;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** The container {@code payara-micro} of arquillian.xml: how to start the one Payara Micro of a run. */
public class PayaraMicroSettings implements ContainerConfiguration {

    private String microJar;
    private int httpPort = 8181;
    private String cmdOptions = "";
    private String extraMicroOptions = "";
    private int startupTimeoutInSeconds = 180;
    private String logFile = new File(System.getProperty("java.io.tmpdir"), "payara-micro-it.log").getPath();

    @Override
    public void validate() throws ConfigurationException {
        if (microJar == null || !new File(microJar).isFile()) {
            throw new ConfigurationException("microJar must name Payara Micro's jar: " + microJar);
        }
    }

    public String getMicroJar() {
        return microJar;
    }

    public void setMicroJar(String microJar) {
        this.microJar = microJar;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }

    /** Options of the server's JVM, separated by spaces. */
    public String getCmdOptions() {
        return cmdOptions;
    }

    public void setCmdOptions(String cmdOptions) {
        this.cmdOptions = cmdOptions;
    }

    /** Payara Micro's own options, separated by spaces; the port is {@link #getHttpPort()}. */
    public String getExtraMicroOptions() {
        return extraMicroOptions;
    }

    public void setExtraMicroOptions(String extraMicroOptions) {
        this.extraMicroOptions = extraMicroOptions;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }

    /** Where the server's console goes. */
    public String getLogFile() {
        return logFile;
    }

    public void setLogFile(String logFile) {
        this.logFile = logFile;
    }
}
