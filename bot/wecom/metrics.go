package wecom

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the transport's Prometheus metrics.
type Metrics struct {
	// Callbacks counts POST and GET callbacks by result: ok, duplicate,
	// ignored, verified, bad_request, bad_signature, wrong_receiver,
	// too_large, unavailable (Redis could not take it), overloaded (over
	// Callback.MaxInFlight), backlog_full (over inbox.max_backlog).
	Callbacks *prometheus.CounterVec
	// Handling is the time a worker spends handling one message, and Lag the
	// time from the callback to the start of handling.
	Handling prometheus.Histogram
	Lag      prometheus.Histogram
	// Handled counts inbox messages by outcome: ok, retry (left for a later
	// delivery), dead (given up on).
	Handled *prometheus.CounterVec
	// Sends counts WeCom API calls by API and result: ok, or the errcode /
	// HTTP status that ended them.
	Sends *prometheus.CounterVec
	// SendWait is how long pushes waited for a per-user rate-limit slot.
	SendWait prometheus.Histogram
}

// NewMetrics creates the metrics and registers them with reg (none if nil).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	buckets := []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}
	m := &Metrics{
		Callbacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "casebot_callbacks_total", Help: "WeCom callbacks by result.",
		}, []string{"result"}),
		Handling: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "casebot_handling_seconds", Help: "Time spent handling one inbound message.", Buckets: buckets,
		}),
		Lag: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "casebot_inbox_wait_seconds", Help: "Time from callback to the start of handling.", Buckets: buckets,
		}),
		Handled: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "casebot_inbox_messages_total", Help: "Inbox messages by outcome (ok, retry, dead).",
		}, []string{"outcome"}),
		Sends: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "casebot_wecom_requests_total", Help: "WeCom API requests by API and result.",
		}, []string{"api", "result"}),
		SendWait: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "casebot_send_rate_wait_seconds", Help: "Time pushes waited for a per-user rate-limit slot.",
			Buckets: []float64{0, .1, .5, 1, 5, 15, 30, 60, 300, 900, 3600},
		}),
	}
	if reg != nil {
		reg.MustRegister(m.Callbacks, m.Handling, m.Lag, m.Handled, m.Sends, m.SendWait)
	}
	return m
}

// discard collects the metrics of parts built without any.
var discard = NewMetrics(nil)

func orDiscard(m *Metrics) *Metrics {
	if m == nil {
		return discard
	}
	return m
}
