package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every serve setting has its environment variable, as the README says:
// --backup-every, --backup-keep, --no-seed, --reseed and --no-initial-admin
// could only be flags, and PLANCAST_BACKUP_EVERY=1s was ignored without a
// word (a container configured by its environment could not set them). The
// flag wins over the variable; a value the flag does not take is a usage
// error naming the variable.
func TestEveryServeSettingHasItsEnvironmentVariable(t *testing.T) {
	tmp := t.TempDir()
	data, backups := filepath.Join(tmp, "data"), filepath.Join(tmp, "backups")
	t.Setenv("PLANCAST_BACKUP_DIR", backups)
	t.Setenv("PLANCAST_BACKUP_EVERY", "1h")
	t.Setenv("PLANCAST_BACKUP_KEEP", "3")
	t.Setenv("PLANCAST_NO_SEED", "true")
	t.Setenv("PLANCAST_NO_INITIAL_ADMIN", "1")
	code, _, stderr := runWithin(t, 2*time.Second, "serve", "--addr", "127.0.0.1:0", "--data-dir", data, "--backup-keep", "2")
	if code != 0 {
		t.Fatalf("serve: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, `msg="backups scheduled" dir=`+backups+` every=1h0m0s keep=2`) {
		t.Errorf("the log does not say backups every 1h (PLANCAST_BACKUP_EVERY), keeping 2 (--backup-keep over PLANCAST_BACKUP_KEEP=3):\n%s", stderr)
	}
	if strings.Contains(stderr, "demo dataset") {
		t.Errorf("PLANCAST_NO_SEED=true: the demo dataset was considered:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(data, initialAdminFile)); err == nil {
		t.Errorf("PLANCAST_NO_INITIAL_ADMIN=1: %s was made", initialAdminFile)
	}

	t.Setenv("PLANCAST_RESEED", "true")
	code, _, stderr = runWithin(t, 2*time.Second, "serve", "--addr", "127.0.0.1:0", "--data-dir", data)
	if want := "plancast serve: PLANCAST_RESEED loads the demo dataset again and PLANCAST_NO_SEED never loads it: give one of them\n"; code != 2 || stderr != want {
		t.Errorf("PLANCAST_RESEED with PLANCAST_NO_SEED: exit %d, %q; want exit 2 and %q", code, stderr, want)
	}
	os.Unsetenv("PLANCAST_RESEED")
	t.Setenv("PLANCAST_BACKUP_EVERY", "daily")
	code, _, stderr = runWithin(t, 2*time.Second, "serve", "--addr", "127.0.0.1:0", "--data-dir", data)
	if want := `plancast serve: PLANCAST_BACKUP_EVERY="daily" is not a value --backup-every takes: give a duration with its unit, such as 24h, 30m or 90s`; code != 2 || !strings.HasPrefix(stderr, want) {
		t.Errorf("PLANCAST_BACKUP_EVERY=daily: exit %d, %q; want exit 2 and %q", code, stderr, want)
	}
}

// A bad value of a serve variable is refused naming the variable and the
// form it takes, not flag's bare "parse error": a duration with its unit
// (PLANCAST_BACKUP_EVERY=24, hours meant, is the likely slip), a whole
// number, true/1 or false/0. Nothing starts.
func TestABadServeVariableSaysWhatFormItTakes(t *testing.T) {
	data := t.TempDir()
	for _, c := range []struct{ env, value, want string }{
		{"PLANCAST_BACKUP_EVERY", "24", `plancast serve: PLANCAST_BACKUP_EVERY="24" is not a value --backup-every takes: give a duration with its unit, such as 24h, 30m or 90s (a bare number has none)`},
		{"PLANCAST_BACKUP_KEEP", "two", `plancast serve: PLANCAST_BACKUP_KEEP="two" is not a value --backup-keep takes: give a whole number, such as 7 (the default)`},
		{"PLANCAST_NO_SEED", "yes", `plancast serve: PLANCAST_NO_SEED="yes" is not a value --no-seed takes: give true or 1 to turn it on, false or 0 to leave it off`},
		{"PLANCAST_RESEED", "on", `plancast serve: PLANCAST_RESEED="on" is not a value --reseed takes: give true or 1 to turn it on, false or 0 to leave it off`},
		{"PLANCAST_NO_INITIAL_ADMIN", "y", `plancast serve: PLANCAST_NO_INITIAL_ADMIN="y" is not a value --no-initial-admin takes: give true or 1 to turn it on, false or 0 to leave it off`},
	} {
		t.Run(c.env, func(t *testing.T) {
			t.Setenv("PLANCAST_BACKUP_DIR", filepath.Join(data, "backups"))
			t.Setenv(c.env, c.value)
			code, _, stderr := runWithin(t, 2*time.Second, "serve", "--addr", "127.0.0.1:0", "--data-dir", data)
			if code != 2 || strings.TrimRight(stderr, "\n") != c.want {
				t.Errorf("%s=%s: exit %d, %q; want exit 2 and %q", c.env, c.value, code, stderr, c.want)
			}
		})
	}
}
