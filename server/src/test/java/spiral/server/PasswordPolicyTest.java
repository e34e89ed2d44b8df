package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private static void refused(String password, String name, String why) {
    assertThatThrownBy(() -> PasswordPolicy.check(password, name))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(400))
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
  }

  @Test
  void shortCommonAndOwnNamePasswordsAreRefusedSayingWhy() {
    refused("password12", "ann", "12 to 200 characters, was 10");
    refused("123456789012", "ann", "most common passwords");
    refused("qwertyuiop12", "ann", "most common passwords");
    refused("Password1234", "ann", "most common passwords");
    refused("1q2w3e4r5t6y", "ann", "most common passwords");
    refused("Football2024", "ann", "most common passwords");
    refused("Spiral123456", "ann", "most common passwords");
    refused("the-long-name", "the-long-name", "account's name");
    refused("THE-LONG-NAME", "the-long-name", "account's name");
    refused("x".repeat(201), "ann", "was 201");
    assertThat(PasswordPolicy.common("password12")).isTrue();
  }

  @Test
  void anyLongEnoughUncommonPasswordIsAcceptedWithoutCompositionRules() {
    assertThatCode(() -> PasswordPolicy.check("correct pony battery", "ann")).doesNotThrowAnyException();
    assertThatCode(() -> PasswordPolicy.check("alllowercaseletters", "ann")).doesNotThrowAnyException();
    assertThatCode(() -> PasswordPolicy.check("é".repeat(64), "ann")).doesNotThrowAnyException();
    assertThatCode(() -> PasswordPolicy.check("y".repeat(200), "ann")).doesNotThrowAnyException();
    // 12 characters counted as code points: 12 emoji are 24 chars in Java, and fine
    assertThatCode(() -> PasswordPolicy.check("\uD83D\uDE00".repeat(12), "ann")).doesNotThrowAnyException();
    refused("\uD83D\uDE00".repeat(11), "ann", "was 11");
  }
}
