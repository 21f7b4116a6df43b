#pragma once

#include <QtGlobal>
#include <array>
#include <deque>

namespace pw {

// Requests, 5xx errors and latency of one router target (or of the router as a whole).
// Latency goes into log-spaced buckets (~4 % wide), so p50/p99 cost no per-request memory.
// Time is passed in, so windows can be tested without sleeping.
class TargetStats {
public:
    void record(int status, qint64 latencyUs, qint64 nowMs);

    qint64 requests() const { return m_requests; }
    qint64 errors() const { return m_errors; }  // 5xx, including the router's own 502/504
    // Upper bound of the bucket holding the q-quantile, in microseconds; 0 with no samples.
    qint64 latencyPercentileUs(double q) const;
    // 5xx / requests over the last `windowMs`; 0 with no requests in the window.
    double errorRate(qint64 windowMs, qint64 nowMs) const;
    qint64 requestsInWindow(qint64 windowMs, qint64 nowMs) const;

    static constexpr int kBuckets = 500;
    static qint64 bucketUpperUs(int bucket);
    static int bucketFor(qint64 latencyUs);

private:
    struct Second {
        qint64 second;
        qint64 requests;
        qint64 errors;
    };

    qint64 m_requests = 0;
    qint64 m_errors = 0;
    std::array<qint64, kBuckets> m_histogram{};
    std::deque<Second> m_seconds;  // one entry per second that saw requests, oldest first
};

}  // namespace pw
