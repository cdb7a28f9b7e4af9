package sensorhub.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test: Arquillian deploys the WAR that the build made, unchanged, and the test calls it over
 * HTTP only, as {@link #api} with the bootstrap admin key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class BlackBoxTest {

    @ArquillianResource
    protected URL base;

    protected Api api;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void connect() {
        api = Api.at(base);
    }
}
