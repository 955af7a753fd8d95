package keys

import "time"

// 以案说法 drafts and the model calls behind them.

// ExplainDrafts is a list of a case's drafts as JSON, oldest first: the
// draft at index i is version i+1, so a version number is never reused.
func (k Keys) ExplainDrafts(number string) string { return k.p + "explain:drafts:" + number }

// ExplainJobs is the stream of queued draft requests, read by the workers
// of one consumer group and acknowledged once the draft was delivered.
func (k Keys) ExplainJobs() string { return k.p + "stream:explain" }

// ExplainJobsGroup is the consumer group of ExplainJobs.
const ExplainJobsGroup = "explain"

// ExplainJobsMaxLen caps the job stream (approximate trim). Delivered jobs
// are deleted, so the cap only matters when no worker runs for long.
const ExplainJobsMaxLen = 100000

// ExplainJobDraft records which draft version a job produced, so that a
// job redelivered after a crash sends that draft instead of a new one.
func (k Keys) ExplainJobDraft(jobID string) string { return k.p + "explain:job:" + jobID }

// ExplainJobTTL is how long the job records above are kept.
const ExplainJobTTL = 7 * 24 * time.Hour

// ExplainLast is a hash {number, hint} of the last case a user asked a
// draft for, which 重新生成 and 换个角度 refer to.
func (k Keys) ExplainLast(userID string) string { return k.p + "explain:last:" + userID }

// ExplainLastTTL is how long 重新生成 remembers the last request.
const ExplainLastTTL = 30 * 24 * time.Hour

// LLMUserCalls is a sorted set of one user's recent model requests scored
// by time in milliseconds: a sliding window shared by every replica.
func (k Keys) LLMUserCalls(userID string) string { return k.p + "llm:user:" + userID }

// ExplainReview is a hash of a case's draft reviews: field = version,
// value = the review's JSON (state, note, history of changes).
func (k Keys) ExplainReview(number string) string { return k.p + "explain:review:" + number }

// ExplainState is a sorted set of the drafts in one review state, members
// "number#version", scored by the time they entered it (Unix seconds). A
// case's unreviewed drafts other than its newest are not listed.
func (k Keys) ExplainState(state string) string { return k.p + "explain:state:" + state }
