package api_test

import (
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/plancast/plancast/api"
)

// wantBuild is what the running binary's build must be said as, read the
// documented way: debug.ReadBuildInfo's main module version ("devel" for
// "(devel)" or none) and its vcs.* settings, "unknown" for any not stamped
// (go test stamps none).
func wantBuild(t *testing.T) api.Build {
	t.Helper()
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return api.Build{Version: "unknown", Revision: "unknown", Time: "unknown", Modified: "unknown", GoVersion: runtime.Version()}
	}
	b := api.Build{Version: bi.Main.Version, Revision: "unknown", Time: "unknown", Modified: "unknown", GoVersion: bi.GoVersion}
	if b.Version == "" || b.Version == "(devel)" {
		b.Version = "devel"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value
		}
	}
	return b
}

// Nothing said which build was running. /healthz, the API index and
// /metrics now say it, alike, as the toolchain stamped it; on a server that
// asks a read token too, as all three are open.
func TestHealthMetricsAndTheIndexSayTheRunningBuild(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{ReadToken: "pc_shared-read-secret"})
	want := wantBuild(t)
	if got := api.CurrentBuild(); got != want {
		t.Fatalf("CurrentBuild() = %+v; ReadBuildInfo says %+v", got, want)
	}
	for _, f := range []string{want.Version, want.Revision, want.Time, want.Modified, want.GoVersion} {
		if f == "" {
			t.Fatalf("a build field is empty: %+v; want unknown or devel for what was not stamped", want)
		}
	}

	var h api.Health
	s.get("/healthz").decode(t, 200, &h)
	if h.Build != want {
		t.Errorf("/healthz build = %+v; want %+v", h.Build, want)
	}
	// The JSON names the fields as documented.
	raw := string(s.get("/healthz").body)
	for _, field := range []string{`"version":`, `"revision":`, `"time":`, `"modified":`, `"go_version":`} {
		if !strings.Contains(raw, `"build":{`) || !strings.Contains(raw, field) {
			t.Errorf("/healthz %s lacks build %s", raw, field)
		}
	}

	for _, root := range []string{"/api/v1", "/api/v1/"} {
		var ix api.Index
		s.get(root).decode(t, 200, &ix)
		if ix.Build != h.Build {
			t.Errorf("%s build = %+v; /healthz says %+v", root, ix.Build, h.Build)
		}
	}

	metrics := string(s.get("/metrics").body)
	lines := regexp.MustCompile(`(?m)^plancast_build_info\{(.*)\} (\S+)$`).FindAllStringSubmatch(metrics, -1)
	if len(lines) != 1 {
		t.Fatalf("/metrics has %d plancast_build_info series; want 1:\n%s", len(lines), metrics)
	}
	labels := map[string]string{}
	for _, m := range regexp.MustCompile(`(\w+)="((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(lines[0][1], -1) {
		labels[m[1]] = m[2]
	}
	wantLabels := map[string]string{"version": h.Build.Version, "revision": h.Build.Revision, "goversion": h.Build.GoVersion}
	if len(labels) != len(wantLabels) || lines[0][2] != "1" {
		t.Errorf("plancast_build_info{%s} %s; want the labels %v and the value 1", lines[0][1], lines[0][2], wantLabels)
	}
	for k, v := range wantLabels {
		if labels[k] != v {
			t.Errorf("plancast_build_info %s=%q; /healthz says %q", k, labels[k], v)
		}
	}
	if !strings.Contains(metrics, "# TYPE plancast_build_info gauge") {
		t.Errorf("plancast_build_info is not a gauge")
	}
}
