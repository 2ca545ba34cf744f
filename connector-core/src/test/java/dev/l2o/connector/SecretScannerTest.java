package dev.l2o.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SF_ACCESS_TOKEN", "opaque-token-value-1234",
            "L2O_DB_PASSWORD", "hunter2-but-longer",
            "CUSTOM_CREDENTIAL", "declared-sensitive-value",
            "SF_INSTANCE_URL", "https://northwind.my.salesforce.com",
            "HUBSPOT_TOKEN", "short");

    @Test
    void valuesOfSecretOrSensitiveVariablesAreFoundAndOthersAreNot() {
        // given
        String text = "{\"location\":\"https://northwind.my.salesforce.com\",\"a\":\"opaque-token-value-1234\","
                + "\"b\":\"hunter2-but-longer\",\"c\":\"declared-sensitive-value\",\"d\":\"short\"}";

        // when
        List<String> found = SecretScanner.findSecrets(text, ENVIRONMENT, List.of("CUSTOM_CREDENTIAL"));

        // then
        assertThat(found).containsExactly("the value of CUSTOM_CREDENTIAL", "the value of L2O_DB_PASSWORD",
                "the value of SF_ACCESS_TOKEN");
    }

    @Test
    void textShapedLikeACredentialIsFoundWhateverTheEnvironment() {
        // given
        List<String> leaks = List.of(
                "Authorization: Bearer abcdefgh12345678",
                "00D5g000004Xy1Z!AQ8AQJXg5oZ.session.identifier.value",
                "pat-na1-3f1d2c4b-9a8e-4f7d-b6c5-a4b3c2d1e0f9",
                "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjbGllbnQifQ.signature",
                "-----BEGIN RSA PRIVATE KEY-----",
                "{\"access_token\": \"x\"}");

        // then
        assertThat(leaks).allSatisfy(leak -> assertThat(SecretScanner.findSecrets(leak, Map.of(), List.of())).hasSize(1));
    }

    @Test
    void ordinaryConfigurationTextIsClean() {
        // given
        String text = "{\"crm\":\"salesforce\",\"path\":\"Opportunity.StageName#Closed Won\",\"id\":\"0065g00000AbCdEAAV\","
                + "\"formula\":\"ISBLANK(Password__c)\",\"label\":\"Bearer of bad news\"}";

        // then
        assertThat(SecretScanner.findSecrets(text, ENVIRONMENT, List.of())).isEmpty();
    }
}
