package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * A sweep read from and written to an object store through Hadoop's S3A connector: S3Proxy (an
 * S3 API server, in this JVM on loopback, keeping its objects in memory) serves the bucket, and
 * the connector reaches it with the settings of {@code s3a-test-site.xml}, which this test adds to
 * every Hadoop configuration (the command line makes its own). The sweep file and its scenario
 * file are read from {@code s3a://}; the results written there read back byte-identical to a
 * local run's, {@code --resume} included after an interrupted run (which also left a temporary
 * file), and no temporary file is left in the bucket; a calibration's posterior goes there and
 * back. Slow: runs in a failsafe execution of its own (tag "s3a"), the only one with the S3A
 * connector on the class path, since the other tests check that {@code s3a:} without it is
 * refused.
 */
@Tag("slow")
@Tag("s3a")
class S3aSweepTest extends SweepFileSystemContract {
  static final String BUCKET = "spiral-test";
  static final String ROOT = "s3a://" + BUCKET;

  static S3Proxy proxy;
  static BlobStore store;
  static FileSystem fs;

  @BeforeAll
  static void startS3() throws Exception {
    store = new TransientNio2BlobStore();
    store.createContainer(BUCKET);
    proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "spiral-access", "spiral-secret")
        .stopTimeout(0)
        .build();
    proxy.start();
    for (int i = 0; !"STARTED".equals(proxy.getState()); i++) {
      if (i > 1000) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    System.setProperty("spiral.test.s3a.port", Integer.toString(proxy.getPort()));
    Configuration.addDefaultResource("s3a-test-site.xml");
    fs = FileSystem.newInstance(URI.create(ROOT + "/"), new Configuration());
    putInputs(fs, ROOT);
  }

  @Override
  FileSystem fs() {
    return fs;
  }

  @Override
  String root() {
    return ROOT;
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (fs != null) {
      fs.close();
    }
    if (proxy != null) {
      proxy.stop();
    }
    if (store != null) {
      store.close();
    }
  }
}
