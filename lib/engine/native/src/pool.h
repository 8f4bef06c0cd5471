// A tiny persistent thread pool with a static partition of work.
//
// Work is always cut into the same contiguous ranges for a given thread count, and every output
// element is computed by exactly one thread in a fixed order, so results never depend on timing
// or on the number of threads. Workers spin briefly before sleeping: the kernels issue many short
// parallel regions per training batch, and a condition-variable wake-up alone costs tens of
// microseconds each time.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ecg {

class Pool {
 public:
  explicit Pool(int threads) { resize(threads); }
  ~Pool() { stopWorkers(); }

  int threads() const { return threads_; }

  void resize(int threads) {
    if (threads < 1) threads = 1;
    if (threads == threads_ && (int)workers_.size() == threads - 1) return;
    stopWorkers();
    threads_ = threads;
    stop_ = false;
    // The generation is read here, not in the new thread: a region started before the thread
    // first runs would otherwise look already seen to it, and never end.
    unsigned start = generation_.load(std::memory_order_acquire);
    for (int t = 1; t < threads_; t++) workers_.emplace_back([this, t, start] { workerLoop(t, start); });
  }

  // Runs fn(begin, end) over [0, count) split into contiguous ranges, one per thread (the calling
  // thread takes the first). Serial when `serial` is set or there is one thread.
  void parallelFor(long count, const std::function<void(long, long)>& fn, bool serial = false) {
    if (count <= 0) return;
    int used = serial ? 1 : (int)std::min<long>(threads_, count);
    if (used <= 1) {
      fn(0, count);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = &fn;
      count_ = count;
      used_ = used;
      remaining_.store(used - 1, std::memory_order_relaxed);
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    runRange(0, used, count, fn);
    while (remaining_.load(std::memory_order_acquire) != 0) std::this_thread::yield();
  }

 private:
  static void runRange(int t, int used, long count, const std::function<void(long, long)>& fn) {
    long begin = count * t / used, end = count * (t + 1) / used;
    if (begin < end) fn(begin, end);
  }

  void workerLoop(int t, unsigned seen) {
    for (;;) {
      // Spin a little (~50 µs) for the next region, then sleep until woken.
      bool got = false;
      for (int spin = 0; spin < 20000; spin++) {
        if (generation_.load(std::memory_order_acquire) != seen || stop_) {
          got = true;
          break;
        }
#if defined(__x86_64__)
        __builtin_ia32_pause();
#endif
      }
      if (!got) {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return generation_.load(std::memory_order_acquire) != seen || stop_; });
      }
      if (stop_) return;
      const std::function<void(long, long)>* fn;
      long count;
      int used;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        seen = generation_.load(std::memory_order_acquire);
        fn = job_;
        count = count_;
        used = used_;
      }
      if (t < used) {
        runRange(t, used, count, *fn);
        remaining_.fetch_sub(1, std::memory_order_acq_rel);
      }
    }
  }

  void stopWorkers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& w : workers_) w.join();
    workers_.clear();
  }

  int threads_ = 0;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<unsigned> generation_{0};
  std::atomic<int> remaining_{0};
  const std::function<void(long, long)>* job_ = nullptr;
  long count_ = 0;
  int used_ = 0;
  std::atomic<bool> stop_{false};
};

Pool& pool();

}  // namespace ecg
