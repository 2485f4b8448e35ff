package api_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/plancast/plancast/api"
)

// chromiumPath finds Debian's chromium. scripts/test.sh installs it and sets
// PLANCAST_TEST_BROWSER=1, which turns a missing browser into a failure.
func chromiumPath(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PLANCAST_TEST_BROWSER") != "" {
		t.Fatal("PLANCAST_TEST_BROWSER is set but no chromium is installed")
	}
	t.Skip("no chromium installed: the browser test runs through scripts/test.sh")
	return ""
}

// TestDashboardInARealBrowser loads the dashboard from the real server in
// headless chromium, checks Houma's GDP target row says off_track and that
// its chart image loaded, and saves a screenshot.
func TestDashboardInARealBrowser(t *testing.T) {
	chromiumPath(t) // skips the test before anything starts when there is none
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	ctx := browserContext(t)

	const row = chromedp.CSS(`tr[data-region="houma"][data-indicator="gdp"][data-plan="14th-fyp"]`)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(row)); err != nil {
		t.Fatalf("load the dashboard: %v", err)
	}
	status, err := chromedp.Run(ctx, chromedp.Text(row+` .status`))
	if err != nil {
		t.Fatalf("read the status: %v", err)
	}
	naturalWidth := houmaGDPChartWidth(t, ctx)
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives PNG
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if status != "off_track" {
		t.Errorf("Houma GDP row shows %q, want off_track", status)
	}
	if naturalWidth <= 0 {
		t.Errorf("Houma GDP chart did not load in the browser (naturalWidth %d)", naturalWidth)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if img.Bounds().Dx() < 1000 {
		t.Errorf("screenshot is only %d pixels wide", img.Bounds().Dx())
	}
	dir := os.Getenv("PLANCAST_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "dashboard.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("Houma GDP row: %s; chart naturalWidth %d; screenshot %s (%d bytes)", status, naturalWidth, path, len(shot))
}

// browserContext starts headless chromium for one test, closed at its end,
// with 90 s to do what the test asks. Call it after starting the server.
func browserContext(t *testing.T) context.Context {
	browser := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.NoSandbox, // the tests run as root in CI
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 2000),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	// Registered after the server's, so the browser closes first.
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

// houmaGDPChartWidth waits for the dashboard's image of Houma's GDP chart
// to load and returns its natural width: 0 until it has loaded and decoded
// (or when it failed), -1 when the page has no such image.
func houmaGDPChartWidth(t *testing.T, ctx context.Context) int {
	t.Helper()
	naturalWidth, err := chromedp.Run(ctx, chromedp.Evaluate[int](`new Promise(resolve => {
		const img = document.querySelector('#chart-houma-gdp img');
		if (!img) { resolve(-1); return; }
		if (img.complete) { resolve(img.naturalWidth); return; }
		img.addEventListener('load', () => resolve(img.naturalWidth));
		img.addEventListener('error', () => resolve(0));
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("read the chart image: %v", err)
	}
	return naturalWidth
}

// Behind a read token, a browser opening the dashboard without it shows a
// page saying that a read token is needed and how to send it, not a JSON
// error body as raw text; the token typed into its form opens the dashboard
// with its charts, and signing out closes it again.
func TestABrowserWithoutTheReadTokenSeesWhatItNeeds(t *testing.T) {
	chromiumPath(t)
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{ReadToken: "pc_shared-read-secret"})
	ctx := browserContext(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("open the dashboard: %v", err)
	}
	heading, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('h1')?.innerText ?? ''`))
	if err != nil {
		t.Fatalf("read the page's heading: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatalf("read the page: %v", err)
	}
	if heading != "A read token is needed" || !strings.Contains(text, "Authorization: Bearer <token>") {
		t.Errorf("the browser shows %q:\n%s\nwant a page saying a read token is needed and how to send it", heading, text)
	}

	// The token typed into the page's form opens the dashboard, its charts
	// included: the browser sends the cookie with the page and its images.
	const row = chromedp.CSS(`tr[data-region="houma"][data-indicator="gdp"][data-plan="14th-fyp"]`)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`input[name="token"]`), "pc_shared-read-secret"),
		chromedp.Submit(chromedp.CSS(`form[action="/signin"]`)),
		chromedp.WaitVisible(row),
	); err != nil {
		t.Fatalf("sign in with the read token: %v", err)
	}
	if naturalWidth := houmaGDPChartWidth(t, ctx); naturalWidth <= 0 {
		t.Errorf("signed in, Houma's GDP chart did not load (naturalWidth %d)", naturalWidth)
	}
	// Signing out forgets the token: the page asks for it again.
	if err := chromedp.Do(ctx, chromedp.Submit(chromedp.CSS(`form.signout`)), chromedp.WaitVisible(chromedp.CSS(`input[name="token"]`))); err != nil {
		t.Fatalf("sign out: %v", err)
	}
}

// Behind a read token, an analyst opening a chart link in a browser
// without the session cookie sees the page asking for the token, not a
// JSON error; signed in there, the browser is back at the chart, and it
// loads: a PNG of the size the link asked for.
func TestABrowserOpeningAChartLinkSignsInAndGetsTheChart(t *testing.T) {
	chromiumPath(t)
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{ReadToken: "pc_shared-read-secret"})
	ctx := browserContext(t)
	const chart = "/charts/houma/gdp.png?width=640&height=400"
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+chart), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("open the chart link: %v", err)
	}
	heading, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('h1')?.innerText ?? document.body.innerText`))
	if err != nil {
		t.Fatalf("read the page: %v", err)
	}
	if heading != "A read token is needed" {
		t.Fatalf("the browser opening %s without the token shows %q; want the page asking for it", chart, heading)
	}

	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`input[name="token"]`), "pc_shared-read-secret"),
		chromedp.Submit(chromedp.CSS(`form[action="/signin"]`)),
		chromedp.WaitVisible(chromedp.CSS(`img`)), // the browser's page of an image
	); err != nil {
		t.Fatalf("sign in with the read token: %v", err)
	}
	type shown struct {
		Address, Type string
		Width, Height int
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[shown](`new Promise(resolve => {
		const img = document.querySelector('img');
		const done = () => resolve({Address: location.pathname + location.search, Type: document.contentType, Width: img.naturalWidth, Height: img.naturalHeight});
		if (img.complete) { done(); return; }
		img.addEventListener('load', done);
		img.addEventListener('error', done);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("read the chart shown: %v", err)
	}
	if want := (shown{Address: chart, Type: "image/png", Width: 640, Height: 400}); got != want {
		t.Errorf("signed in, the browser shows %+v; want %+v", got, want)
	}
}
