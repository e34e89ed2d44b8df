package spiral.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which locations go to a Hadoop file system, and what a missing connector is told. */
class HadoopFilesTest {
  @Test
  void urisWithASchemeOtherThanFileAreHadoopOnes() {
    assertThat(HadoopFiles.isHadoop("hdfs://namenode:8020/sweeps/out")).isTrue();
    assertThat(HadoopFiles.isHadoop("hdfs:///sweeps/out")).isTrue();
    assertThat(HadoopFiles.isHadoop("s3a://bucket/out")).isTrue();
    assertThat(HadoopFiles.isHadoop("abfss://c@account.dfs.core.windows.net/out")).isTrue();
    assertThat(HadoopFiles.isHadoop("gs://bucket/out")).isTrue();
  }

  @Test
  void localPathsWindowsPathsAndFileUrisAreLocal() {
    assertThat(HadoopFiles.isHadoop("out")).isFalse();
    assertThat(HadoopFiles.isHadoop("runs/out")).isFalse();
    assertThat(HadoopFiles.isHadoop("/tmp/out")).isFalse();
    assertThat(HadoopFiles.isHadoop("C:\\sweeps\\out")).isFalse();
    assertThat(HadoopFiles.isHadoop("C:/sweeps/out")).isFalse();
    assertThat(HadoopFiles.isHadoop("file:///tmp/out")).isFalse();
    assertThat(HadoopFiles.isHadoop("a:b")).isFalse();
    assertThat(HadoopFiles.localPath("file:///tmp/out")).isEqualTo(Path.of("/tmp/out"));
    assertThat(HadoopFiles.localPath("runs/out")).isEqualTo(Path.of("runs/out"));
  }

  @Test
  void theMissingConnectorIsNamedByScheme() {
    assertThat(HadoopFiles.NoFileSystemException.connector("s3a")).contains("hadoop-aws");
    assertThat(HadoopFiles.NoFileSystemException.connector("abfss")).contains("hadoop-azure");
    assertThat(HadoopFiles.NoFileSystemException.connector("gs")).contains("gcs-connector");
    assertThat(HadoopFiles.NoFileSystemException.connector("hdfs"))
        .isEqualTo("Hadoop's client (hadoop-client-api and hadoop-client-runtime)");
  }
}
