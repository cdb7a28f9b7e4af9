package sensorhub.testing.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link PayaraMicroContainer} unless the run is for another server (the pom's profiles wildfly and
 * liberty set {@code arquillian.launch} and bring their own adapter; Arquillian takes one per run).
 */
public class PayaraMicroExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        String launch = System.getProperty("arquillian.launch", "payara-micro");
        if (launch.equals("payara-micro")) {
            builder.service(DeployableContainer.class, PayaraMicroContainer.class);
        }
    }
}
