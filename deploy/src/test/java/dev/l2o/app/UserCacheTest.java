package dev.l2o.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserCacheTest {

    @Test
    void the_cache_is_under_xdg_cache_home_else_under_the_home_directory() {
        assertThat(UserCache.directory(Map.of("XDG_CACHE_HOME", "/var/cache/ci", "HOME", "/home/ci")))
                .contains(Path.of("/var/cache/ci/l2o"));
        assertThat(UserCache.directory(Map.of("HOME", "/home/ci"))).contains(Path.of("/home/ci/.cache/l2o"));
    }

    @Test
    void relative_or_missing_locations_and_the_off_switch_mean_no_cache() {
        assertThat(UserCache.directory(Map.of("XDG_CACHE_HOME", "cache", "HOME", "/home/ci")))
                .contains(Path.of("/home/ci/.cache/l2o"));
        assertThat(UserCache.directory(Map.of("HOME", "relative"))).isEmpty();
        assertThat(UserCache.directory(Map.of())).isEmpty();
        assertThat(UserCache.directory(Map.of("HOME", "/home/ci", UserCache.NO_CACHE, "1"))).isEmpty();
        assertThat(UserCache.validatedBlueprints(Map.of()).toString()).isEqualTo("no validated-blueprint cache");
    }
}
