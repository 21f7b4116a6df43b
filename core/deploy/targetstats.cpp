#include "targetstats.h"

#include <algorithm>
#include <cmath>

namespace pw {

namespace {

constexpr double kGrowth = 1.04;
constexpr qint64 kKeepSecondsMs = 3600 * 1000;  // longest window anyone asks for: an hour

}  // namespace

qint64 TargetStats::bucketUpperUs(int bucket) {
    return qint64(std::ceil(std::pow(kGrowth, bucket)));
}

int TargetStats::bucketFor(qint64 latencyUs) {
    if (latencyUs <= 1)
        return 0;
    const int b = int(std::ceil(std::log(double(latencyUs)) / std::log(kGrowth)));
    return std::clamp(b, 0, kBuckets - 1);
}

void TargetStats::record(int status, qint64 latencyUs, qint64 nowMs) {
    const bool error = status >= 500;
    ++m_requests;
    m_errors += error ? 1 : 0;
    ++m_histogram[bucketFor(latencyUs)];
    const qint64 second = nowMs / 1000;
    if (m_seconds.empty() || m_seconds.back().second != second)
        m_seconds.push_back({second, 0, 0});
    m_seconds.back().requests += 1;
    m_seconds.back().errors += error ? 1 : 0;
    while (!m_seconds.empty() && (second - m_seconds.front().second) * 1000 > kKeepSecondsMs)
        m_seconds.pop_front();
}

qint64 TargetStats::latencyPercentileUs(double q) const {
    if (m_requests == 0)
        return 0;
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(q * double(m_requests))));
    qint64 seen = 0;
    for (int b = 0; b < kBuckets; ++b) {
        seen += m_histogram[b];
        if (seen >= rank)
            return bucketUpperUs(b);
    }
    return bucketUpperUs(kBuckets - 1);
}

qint64 TargetStats::requestsInWindow(qint64 windowMs, qint64 nowMs) const {
    qint64 n = 0;
    for (const Second& s : m_seconds) {
        if (nowMs - s.second * 1000 < windowMs)
            n += s.requests;
    }
    return n;
}

double TargetStats::errorRate(qint64 windowMs, qint64 nowMs) const {
    qint64 requests = 0, errors = 0;
    for (const Second& s : m_seconds) {
        if (nowMs - s.second * 1000 < windowMs) {
            requests += s.requests;
            errors += s.errors;
        }
    }
    return requests == 0 ? 0.0 : double(errors) / double(requests);
}

}  // namespace pw
