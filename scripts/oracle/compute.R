#!/usr/bin/env Rscript
# Expected values for tests/unit/stats/oracle.test.ts, computed independently of the engine with
# R (survey, stats) from tests/fixtures/oracle/{codebook.yaml,responses.csv}.
#
#   Rscript scripts/oracle/compute.R          (from the repository root)
#   → tests/oracle/expected.json
#
# Sources of each number:
#   weighted proportions           survey::svymean on a design with ids = ~1, weights = ~weight
#   unweighted Wilson interval     stats::prop.test(x, n, correct = FALSE)$conf.int
#   unweighted Clopper–Pearson     stats::binom.test(x, n)$conf.int
#   multiple comparisons           stats::p.adjust (bonferroni, BH)
#   unweighted column z-tests      stats::prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value
#   χ², df, p, adjusted residuals  stats::chisq.test(correct = FALSE), $stdres
# Weighted cases come twice (docs/statistics.md, §Weights):
#   variance "kish"
#     intervals                    textbook formulas on (p̂_w, Kish e) — R has no Kish-based Wilson
#     column z-tests               the docs/statistics.md formula (pooled p̄ weighted by W, Kish e for n)
#     χ²                           stats::chisq.test on counts scaled to the Kish base of the tested cells
#   variance "design" (the default): every column a domain of the one whole-wave design
#     variance of a share          survey::svycontrast(svytotal(~y + x), y/x): Taylor linearisation of
#                                  the ratio (x = 1 in the domain; % of responses: number of answers),
#                                  checked against vcov(svymean(~y, subset(design, domain)))
#     effective base               p̂(1 − p̂)/Var; a share of 0 or 1 (no variance): the column's Kish base
#     Clopper–Pearson              survey::svyciprop(method = "beta") on subset(design, domain)
#                                  (% of responses: the Beta formula on (p̂, effective base))
#     Wilson                       the textbook formula on (p̂, effective base)
#     column tests (letters, vs rest) Wald: svycontrast(svytotal(~ya + xa + yb + xb), ya/xa − yb/xb),
#                                  which includes the covariance of overlapping (multi-answer) columns
#     χ²                           survey::svychisq(~row + col, subset(design, tested), statistic = "F")
#                                  (F, ndf, ddf, p); residuals: its $stdres / √δ̄, δ̄ = tr(Δ)/df from
#                                  statistic = "Chisq" (X² = δ̄·df·F); lowExpected: its $expected < 5
#     NPS                          survey::svymean of the score +1/0/−1 on subset(design, domain)
#   numeric quantiles, ordinal     stats::quantile(type = 2); weighted: survey::svyquantile(qrule = "school")
#   score means and medians        (means: mean / survey::svymean)
#   banded mean / grouped median   STATS.md formulas
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
  library(yaml)
})

fixture <- "tests/fixtures/oracle"
codebook <- yaml::read_yaml(file.path(fixture, "codebook.yaml"))
df <- read.csv(file.path(fixture, "responses.csv"), na.strings = "", colClasses = c(id = "character"))
N <- nrow(df)
design <- svydesign(ids = ~1, weights = ~weight, data = df)

# A share (or a difference of two shares) as a ratio of totals of the whole-wave design,
# linearised by svycontrast: y is 1 in the row and the domain, x the domain's denominator.
ratio_contrast <- function(ya, xa, yb = NULL, xb = NULL) {
  m <- if (is.null(yb)) cbind(ya = ya, xa = xa) else cbind(ya = ya, xa = xa, yb = yb, xb = xb)
  s <- svycontrast(svytotal(m, design), if (is.null(yb)) quote(ya / xa) else quote(ya / xa - yb / xb))
  list(est = unname(coef(s)), var = unname(vcov(s))[1])
}
question <- function(id) Filter(function(q) q$id == id, codebook$questions)[[1]]
codes <- function(q) vapply(q$options, function(o) as.numeric(o$code), 0)

# ---- variables: per respondent code (SA), 0/1 matrix (MA) ----------------------------------
ma_matrix <- function(id) {
  q <- question(id)
  m <- sapply(codes(q), function(k) df[[paste0(id, "__", k)]])
  colnames(m) <- codes(q)
  m
}
answered <- function(id) {
  if (id == "big") return(!is.na(big))
  q <- question(id)
  if (q$type == "multi") return(rowSums(!is.na(ma_matrix(id))) > 0)
  !is.na(df[[id]])
}
big <- ifelse(is.na(df$staff), NA, ifelse(df$staff >= 10, 1, 2))
# Number of answers of each respondent to tools (% of responses: the ratio's denominator).
answers_of <- function(id) rowSums(ma_matrix(id) == 1, na.rm = TRUE)
sa_values <- function(id) if (id == "big") big else df[[id]]
universe_of <- function(id) if (id == "rec") df$plan == 1 else rep(TRUE, N)

# ---- small helpers ---------------------------------------------------------------------------
z95 <- qnorm(0.975)
kish <- function(w) if (length(w) == 0) 0 else sum(w)^2 / sum(w^2)
wilson <- function(p, n) {
  centre <- (p + z95^2 / (2 * n)) / (1 + z95^2 / n)
  half <- z95 / (1 + z95^2 / n) * sqrt(p * (1 - p) / n + z95^2 / (4 * n^2))
  c(if (p <= 0) 0 else max(0, centre - half), if (p >= 1) 1 else min(1, centre + half))
}
cp <- function(p, n) {
  x <- p * n
  c(if (x <= 0) 0 else qbeta(0.025, x, n - x + 1), if (x >= n) 1 else qbeta(0.975, x + 1, n - x))
}
letter <- function(k) LETTERS[k]

# ---- one cross-tab ---------------------------------------------------------------------------
# rows: list of list(key, kind, ind) with ind a logical vector per respondent.
# columns: list of list(key, member) with member a logical vector.
crosstab <- function(case) {
  q <- if (case$question == "big") NULL else question(case$question)
  multi <- !is.null(q) && q$type == "multi"
  w <- if (case$weighted) df$weight else rep(1, N)
  keep <- case$keep & universe_of(case$question)
  ans <- answered(case$question)
  opts <- modifyList(list(interval = "wilson", percentBase = "question", multiPercent = "respondents", adjust = "bonferroni", alpha = 0.05, alpha2 = NULL, cautionBase = 30, variance = "design"), case$options)
  by_design <- case$weighted && opts$variance == "design"
  responses <- multi && opts$multiPercent == "responses"
  answers <- if (multi) answers_of(case$question) else NULL
  # Multi answers by responses: options only, no intervals or tests (docs/statistics.md, "Percent of responses").

  # substantive answers: not 無回答 and not a non-substantive option (MA: chose a substantive option)
  nonsub <- if (is.null(q) || is.null(q$options)) c() else codes(q)[sapply(q$options, function(o) isTRUE(o$nonSubstantive))]
  substantive <- if (multi) {
    m <- ma_matrix(case$question)
    rowSums(m[, as.character(setdiff(codes(q), nonsub)), drop = FALSE] == 1, na.rm = TRUE) > 0
  } else if (!is.null(q) && q$type == "numeric") ans else ans & !(sa_values(case$question) %in% nonsub)

  # rows
  rows <- list()
  if (multi) {
    m <- ma_matrix(case$question)
    for (k in codes(q)) rows[[length(rows) + 1]] <- list(key = as.character(k), kind = "option", ind = !is.na(m[, as.character(k)]) & m[, as.character(k)] == 1)
    if (opts$multiPercent != "responses") for (net in q$nets) rows[[length(rows) + 1]] <- list(key = paste0("net:", net$id), kind = "net", ind = rowSums(m[, as.character(unlist(net$codes)), drop = FALSE] == 1, na.rm = TRUE) > 0)
  } else if (!is.null(q) && q$type == "numeric") {
    # numeric: only the 無回答 row
  } else {
    x <- sa_values(case$question)
    for (k in codes(q)) if (!(opts$percentBase == "substantive" && k %in% nonsub)) rows[[length(rows) + 1]] <- list(key = as.character(k), kind = "option", ind = !is.na(x) & x == k)
    for (net in q$nets) rows[[length(rows) + 1]] <- list(key = paste0("net:", net$id), kind = "net", ind = !is.na(x) & x %in% unlist(net$codes))
  }
  if (!(multi && opts$multiPercent == "responses") && opts$percentBase == "question" && any(keep & !ans)) rows[[length(rows) + 1]] <- list(key = "na", kind = "noAnswer", ind = !ans)

  # columns
  columns <- list(list(key = "total", member = keep))
  overlapping <- FALSE
  if (!is.null(case$banner)) {
    bq <- if (case$banner == "big") list(type = "single", options = list(list(code = 1), list(code = 2))) else question(case$banner)
    if (bq$type == "multi") {
      overlapping <- TRUE
      bm <- ma_matrix(case$banner)
      for (k in codes(bq)) columns[[length(columns) + 1]] <- list(key = as.character(k), member = keep & !is.na(bm[, as.character(k)]) & bm[, as.character(k)] == 1)
    } else {
      b <- sa_values(case$banner)
      for (k in codes(bq)) columns[[length(columns) + 1]] <- list(key = as.character(k), member = keep & !is.na(b) & b == k)
    }
  }

  # percent base of a membership vector: n, W, W2
  option_rows <- Filter(function(r) r$kind == "option", rows)
  base_of <- function(member) {
    if (multi && opts$multiPercent == "responses") {
      ns <- sapply(option_rows, function(r) sum(member & r$ind))
      ws <- sapply(option_rows, function(r) sum(w[member & r$ind]))
      w2 <- sapply(option_rows, function(r) sum(w[member & r$ind]^2))
      return(list(n = sum(ns), W = sum(ws), W2 = sum(w2)))
    }
    inb <- switch(opts$percentBase, question = member, valid = member & ans, substantive = member & substantive)
    list(n = sum(inb), W = sum(w[inb]), W2 = sum(w[inb]^2), member = inb)
  }
  bases <- lapply(columns, function(col) base_of(col$member))
  eff <- function(b) if (b$W2 > 0) b$W^2 / b$W2 else 0
  # Design-based shares: y (in the row and the domain) over x (1 in the domain; % of responses:
  # the respondent's number of answers), as vectors over the whole wave.
  domain_of <- function(member) { b <- base_of(member); if (is.null(b$member)) member else b$member }
  xvec <- function(member) if (responses) member * answers else as.numeric(domain_of(member))
  yvec <- function(member, r) as.numeric(domain_of(member) & r$ind)

  # proportion of a row in a column (survey::svymean when weighted and on respondents)
  proportion <- function(col, b, r) {
    if (b$W <= 0) return(NA)
    if (case$weighted && !is.null(b$member) && sum(b$member) > 1) {
      des <- subset(design, b$member)
      return(unname(coef(svymean(~ind, des <- update(des, ind = as.numeric(r$ind[b$member])))) ))
    }
    sum(w[col$member & r$ind & (if (is.null(b$member)) TRUE else b$member)]) / b$W
  }

  cells_for <- function(r) lapply(seq_along(columns), function(c) {
    col <- columns[[c]]; b <- bases[[c]]
    inside <- col$member & r$ind & (if (is.null(b$member)) TRUE else b$member)
    cnt <- sum(inside); wc <- sum(w[inside])
    p <- proportion(col, b, r)
    ci <- NULL
    e <- eff(b)
    if (b$n > 0 && b$W > 0) {
      if (!case$weighted) {
        ci <- if (opts$interval == "wilson") as.numeric(suppressWarnings(prop.test(cnt, b$n, correct = FALSE))$conf.int) else as.numeric(binom.test(cnt, b$n)$conf.int)
      } else if (!by_design) {
        ci <- if (opts$interval == "wilson") wilson(p, e) else cp(p, e)
      } else {
        v <- ratio_contrast(yvec(col$member, r), xvec(col$member))$var
        if (!responses && sum(b$member) > 1) {
          des <- update(subset(design, b$member), ind = as.numeric(r$ind[b$member]))
          check <- unname(vcov(svymean(~ind, des)))[1]
          if (abs(check - v) > 1e-12 * max(1, abs(v))) stop(sprintf("%s: svymean and svycontrast variances differ (%g vs %g)", case$name, check, v))
        }
        # A share of 0 or 1 has no design variance: the column's Kish base.
        varies <- p > 0 && p < 1 && v > 0
        if (varies) e <- p * (1 - p) / v
        ci <- if (opts$interval == "wilson") wilson(p, e)
          else if (varies && !responses) as.numeric(attr(svyciprop(~ind, des, method = "beta"), "ci"))
          else cp(p, e)
      }
    }
    if (responses) ci <- NULL
    list(count = cnt, weightedCount = wc, proportion = p, effectiveBase = e, ci = ci, letters = "", vsTotal = 0, residual = NULL, x = wc, inside = inside)
  })

  ztest_p <- function(a, b) {
    # a, b: list(x = weighted count, base, member); design: the Wald test of the two shares
    if (by_design) {
      t <- ratio_contrast(yvec(a$member, a$row), xvec(a$member), yvec(b$member, b$row), xvec(b$member))
      # Equal shares: nothing to test. 0 % against 100 % has no variance: z = ±Inf, p = 0.
      if (t$est == 0) return(1)
      return(2 * pnorm(-abs(t$est / sqrt(max(t$var, 0)))))
    }
    pa <- a$x / a$base$W; pb <- b$x / b$base$W
    if (!case$weighted) {
      if ((pa == 0 && pb == 0) || (pa == 1 && pb == 1)) return(1)
      return(suppressWarnings(prop.test(c(a$x, b$x), c(a$base$n, b$base$n), correct = FALSE))$p.value)
    }
    ea <- eff(a$base); eb <- eff(b$base)
    pooled <- (a$base$W * pa + b$base$W * pb) / (a$base$W + b$base$W)
    v <- pooled * (1 - pooled) * (1 / ea + 1 / eb)
    if (!(v > 0)) return(1)
    2 * pnorm(-abs((pa - pb) / sqrt(v)))
  }

  out_rows <- lapply(rows, function(r) {
    cells <- cells_for(r)
    k <- length(columns) - 1
    if (k >= 1 && r$kind != "noAnswer" && !(multi && opts$multiPercent == "responses")) {
      testable <- sapply(2:(k + 1), function(c) bases[[c]]$n >= opts$cautionBase && bases[[c]]$n > 0)
      # column vs everyone else in the total
      tested <- c(); raw <- c(); sgn <- c()
      for (c in 2:(k + 1)) {
        rest_member <- columns[[1]]$member & !columns[[c]]$member
        rb <- base_of(rest_member)
        if (!testable[c - 1] || rb$n < opts$cautionBase || rb$n <= 0) next
        rx <- sum(w[rest_member & r$ind & (if (is.null(rb$member)) TRUE else rb$member)])
        a <- list(x = cells[[c]]$x, base = bases[[c]], member = columns[[c]]$member, row = r); b <- list(x = rx, base = rb, member = rest_member, row = r)
        tested <- c(tested, c); raw <- c(raw, ztest_p(a, b)); sgn <- c(sgn, sign(a$x / a$base$W - rx / rb$W))
      }
      if (length(tested) > 0) {
        adj <- p.adjust(raw, method = switch(opts$adjust, bonferroni = "bonferroni", bh = "BH", none = "none"))
        for (i in seq_along(tested)) if (adj[i] < opts$alpha) cells[[tested[i]]]$vsTotal <- sgn[i]
      }
      # Overlapping columns share respondents: only the design-based test knows their covariance.
      if ((!overlapping || by_design) && k >= 2) {
        pairs <- list(); raw <- c()
        idx <- which(testable) + 1
        if (length(idx) >= 2) for (i in 1:(length(idx) - 1)) for (j in (i + 1):length(idx)) {
          a <- list(x = cells[[idx[i]]]$x, base = bases[[idx[i]]], member = columns[[idx[i]]]$member, row = r); b <- list(x = cells[[idx[j]]]$x, base = bases[[idx[j]]], member = columns[[idx[j]]]$member, row = r)
          pairs[[length(pairs) + 1]] <- c(idx[i], idx[j]); raw <- c(raw, ztest_p(a, b))
        }
        if (length(raw) > 0) {
          adj <- p.adjust(raw, method = switch(opts$adjust, bonferroni = "bonferroni", bh = "BH", none = "none"))
          upper <- rep("", length(columns)); lower <- rep("", length(columns))
          for (m in seq_along(pairs)) {
            i <- pairs[[m]][1]; j <- pairs[[m]][2]
            d <- cells[[i]]$x / bases[[i]]$W - cells[[j]]$x / bases[[j]]$W
            if (d == 0) next
            hi <- if (d > 0) i else j; lo <- if (d > 0) j else i
            if (adj[m] < opts$alpha) upper[hi] <- paste0(upper[hi], letter(lo - 1))
            else if (!is.null(opts$alpha2) && adj[m] < opts$alpha2) lower[hi] <- paste0(lower[hi], tolower(letter(lo - 1)))
          }
          for (c in seq_along(columns)) cells[[c]]$letters <- paste0(paste(sort(strsplit(upper[c], "")[[1]]), collapse = ""), paste(sort(strsplit(lower[c], "")[[1]]), collapse = ""))
        }
      }
    }
    list(key = r$key, kind = r$kind, cells = cells)
  })

  # χ² (single answer × single-answer banner) or per option (multi answer)
  chi <- function(obs, wsum, w2sum) {
    scale <- if (case$weighted) (wsum^2 / w2sum) / wsum else 1
    obs <- obs * scale
    live_r <- rowSums(obs) > 0; live_c <- colSums(obs) > 0
    if (sum(live_r) < 2 || sum(live_c) < 2) return(NULL)
    t <- suppressWarnings(chisq.test(obs[live_r, live_c, drop = FALSE], correct = FALSE))
    res <- matrix(NA, nrow(obs), ncol(obs)); res[live_r, live_c] <- t$stdres
    list(statistic = unname(t$statistic), df = unname(t$parameter), p = t$p.value, lowExpected = any(t$expected < 5), residuals = res)
  }
  # Design-based: Rao–Scott second order on the tested respondents (rowv, colv: row and column
  # positions 1…), as subset() of the whole-wave design; residuals in an nr × nc matrix.
  design_chi <- function(rowv, colv, tested, nr, nc) {
    live_r <- sort(unique(rowv[tested])); live_c <- sort(unique(colv[tested]))
    if (length(live_r) < 2 || length(live_c) < 2) return(NULL)
    des <- subset(update(design, rowv = rowv, colv = colv), tested)
    f <- svychisq(~rowv + colv, des, statistic = "F")
    x2 <- unname(svychisq(~rowv + colv, des, statistic = "Chisq")$statistic)
    deff <- x2 / unname(f$statistic) / ((length(live_r) - 1) * (length(live_c) - 1))
    res <- matrix(NA, nr, nc)
    sr <- f$stdres / sqrt(deff)
    for (a in rownames(sr)) for (b in colnames(sr)) res[as.integer(a), as.integer(b)] <- sr[a, b]
    list(statistic = unname(f$statistic), df = unname(f$parameter["ndf"]), ddf = unname(f$parameter["ddf"]), p = f$p.value, lowExpected = any(f$expected < 5), method = "rao-scott", residuals = res)
  }
  chi_fields <- if (by_design) c("statistic", "df", "ddf", "p", "lowExpected", "method") else c("statistic", "df", "p", "lowExpected")
  chiSquare <- NULL
  rowChi <- NULL
  k <- length(columns) - 1
  if (k >= 2 && !overlapping && !is.null(q) && q$type %in% c("single", "ordinal", "banded")) {
    opt_idx <- which(sapply(out_rows, function(r) r$kind == "option"))
    obs <- t(sapply(opt_idx, function(i) sapply(2:(k + 1), function(c) out_rows[[i]]$cells[[c]]$weightedCount)))
    inside <- Reduce(`|`, lapply(opt_idx, function(i) Reduce(`|`, lapply(2:(k + 1), function(c) out_rows[[i]]$cells[[c]]$inside))))
    res <- if (by_design) {
      rowv <- rep(NA, N); colv <- rep(NA, N)
      for (a in seq_along(opt_idx)) rowv[rows[[opt_idx[a]]]$ind] <- a
      for (c in 2:(k + 1)) colv[columns[[c]]$member] <- c - 1
      design_chi(rowv, colv, inside, length(opt_idx), k)
    } else chi(obs, sum(w[inside]), sum(w[inside]^2))
    if (!is.null(res)) {
      for (a in seq_along(opt_idx)) for (c in 2:(k + 1)) if (!is.na(res$residuals[a, c - 1])) out_rows[[opt_idx[a]]]$cells[[c]]$residual <- res$residuals[a, c - 1]
      chiSquare <- res[chi_fields]
    }
  }
  if (k >= 2 && !overlapping && multi && opts$multiPercent == "respondents") {
    rowChi <- list()
    # Among those who answered the question: 無回答 is never "not chosen" (as in the single-answer
    # test); with the substantive base, those with a substantive answer.
    tested <- function(c) { m <- bases[[c]]$member & ans; m }
    bW <- sapply(2:(k + 1), function(c) sum(w[tested(c)]))
    bW2 <- sapply(2:(k + 1), function(c) sum(w[tested(c)]^2))
    all_tested <- Reduce(`|`, lapply(2:(k + 1), tested))
    colv <- rep(NA, N)
    for (c in 2:(k + 1)) colv[tested(c)] <- c - 1
    for (i in seq_along(out_rows)) {
      r <- out_rows[[i]]
      if (r$kind == "noAnswer") next
      chosen <- sapply(2:(k + 1), function(c) r$cells[[c]]$weightedCount)
      # Row 1 chosen, row 2 not chosen.
      res <- if (by_design) design_chi(ifelse(rows[[i]]$ind, 1, 2), colv, all_tested, 2, k) else chi(rbind(chosen, bW - chosen), sum(bW), sum(bW2))
      rowChi[[r$key]] <- if (is.null(res)) NA else res[chi_fields]
      if (!is.null(res)) for (c in 2:(k + 1)) if (!is.na(res$residuals[1, c - 1])) out_rows[[i]]$cells[[c]]$residual <- res$residuals[1, c - 1]
    }
  }

  # summaries
  summaries <- NULL
  if (!is.null(q) && q$type == "banded") {
    bounded <- Filter(function(o) !is.null(o$lower) && !isTRUE(o$nonSubstantive), q$options)
    x <- df[[case$question]]
    summaries <- lapply(columns, function(col) {
      f <- sapply(bounded, function(o) sum(w[col$member & !is.na(x) & x == o$code]))
      nn <- sum(sapply(bounded, function(o) sum(col$member & !is.na(x) & x == o$code)))
      lower <- sapply(bounded, function(o) o$lower)
      upper <- sapply(bounded, function(o) if (is.null(o$upper)) NA else o$upper)
      width_prev <- upper[length(upper) - 1] - lower[length(lower) - 1]
      mid <- ifelse(is.na(upper), lower + width_prev / 2, (lower + upper) / 2)
      if (sum(f) <= 0) return(list(mean = NA, median = NA, n = 0))
      cum <- cumsum(f); half <- sum(f) / 2
      m <- which(cum >= half & f > 0)[1]
      F <- if (m == 1) 0 else cum[m - 1]
      med <- if (is.na(upper[m])) lower[m] else lower[m] + (half - F) / f[m] * (upper[m] - lower[m])
      list(mean = sum(f * mid) / sum(f), median = med, medianClass = if (is.na(upper[m])) paste0("≥ ", lower[m], q$unit) else bounded[[m]]$label, n = nn, openBandAssumed = if (f[length(f)] > 0) mid[length(mid)] else NULL)
    })
  }
  if (!is.null(q) && q$type == "ordinal") {
    scored <- Filter(function(o) !is.null(o$score) && !isTRUE(o$nonSubstantive), q$options)
    score_of <- setNames(sapply(scored, function(o) o$score), sapply(scored, function(o) o$code))
    s <- unname(score_of[as.character(df[[case$question]])])
    design_s <- update(design, s = s)
    summaries <- lapply(columns, function(col) {
      inside <- col$member & !is.na(s)
      if (sum(inside) == 0) return(list(mean = NA, median = NA, n = 0))
      if (case$weighted) {
        med <- if (sum(inside) > 1) unname(coef(svyquantile(~s, subset(design_s, inside), 0.5, qrule = "school", ci = TRUE))) else s[inside]
        m <- unname(coef(svymean(~s, subset(design_s, inside))))
      } else {
        med <- unname(quantile(s[inside], 0.5, type = 2))
        m <- mean(s[inside])
      }
      list(mean = m, median = med, n = sum(inside))
    })
  }
  if (!is.null(q) && q$type == "numeric") {
    x <- df[[case$question]]
    summaries <- lapply(columns, function(col) {
      inside <- col$member & !is.na(x)
      if (sum(inside) == 0) return(list(mean = NA, median = NA, q1 = NA, q3 = NA, n = 0))
      if (case$weighted) {
        qs <- if (sum(inside) > 1) unname(coef(svyquantile(~staff, subset(design, inside), c(0.25, 0.5, 0.75), qrule = "school", ci = TRUE))) else rep(x[inside], 3)
        m <- unname(coef(svymean(~staff, subset(design, inside))))
      } else {
        qs <- unname(quantile(x[inside], c(0.25, 0.5, 0.75), type = 2))
        m <- mean(x[inside])
      }
      list(mean = m, median = qs[2], q1 = qs[1], q3 = qs[3], n = sum(inside))
    })
  }

  # NPS (0–10 question): per column, n = Kish effective base
  nps <- NULL
  if (case$question == "rec") {
    x <- df$rec
    nps <- lapply(seq_along(columns), function(c) {
      inb <- columns[[c]]$member & !is.na(x)
      W <- sum(w[inb]); pP <- sum(w[inb & x >= 9]) / W; pD <- sum(w[inb & x <= 6]) / W
      e <- kish(w[inb])
      score <- 100 * (pP - pD); se <- 100 * sqrt((pP + pD - (pP - pD)^2) / e)
      if (by_design) {
        s <- ifelse(is.na(x), NA, ifelse(x >= 9, 1, ifelse(x <= 6, -1, 0)))
        v <- unname(vcov(svymean(~s, subset(update(design, s = s), inb))))[1]
        # Everyone in one class: no design variance, the Kish base stays.
        if (length(unique(s[inb])) > 1 && v > 0) se <- 100 * sqrt(v)
      }
      list(score = score, se = se, low = score - z95 * se, high = score + z95 * se)
    })
  }

  list(
    name = case$name, spec = case$spec, options = case$options,
    expected = list(
      columns = lapply(seq_along(columns), function(c) list(key = columns[[c]]$key, baseN = bases[[c]]$n, weightedBase = bases[[c]]$W, effectiveBase = eff(bases[[c]]))),
      rows = lapply(out_rows, function(r) list(key = r$key, cells = lapply(r$cells, function(x) list(count = x$count, weightedCount = x$weightedCount, proportion = x$proportion, effectiveBase = x$effectiveBase, ci = x$ci, letters = x$letters, vsTotal = x$vsTotal, residual = x$residual)))),
      chiSquare = chiSquare, rowChiSquare = rowChi, summaries = summaries, nps = nps
    )
  )
}

# ---- the cases: R subset ↔ engine spec ----------------------------------------------------
all <- rep(TRUE, N)
tools <- ma_matrix("tools")
chose <- function(k) !is.na(tools[, as.character(k)]) & tools[, as.character(k)] == 1
case <- function(name, question, banner = NULL, weighted = FALSE, keep = all, filters = NULL, universe = NULL, options = list()) {
  spec <- list(question = question, weighted = weighted)
  if (!is.null(banner)) spec$banner <- banner
  if (!is.null(filters)) spec$filters <- filters
  if (!is.null(universe)) spec$universe <- universe
  list(name = name, question = question, banner = banner, weighted = weighted, keep = keep, spec = spec, options = if (length(options)) options else structure(list(), names = character(0)))
}
cases <- list(
  case("sat total, unweighted", "sat"),
  case("sat total, weighted", "sat", weighted = TRUE),
  case("sat by seg, unweighted", "sat", "seg"),
  case("sat by seg, weighted", "sat", "seg", weighted = TRUE),
  case("sat by seg, unweighted, valid %", "sat", "seg", options = list(percentBase = "valid")),
  case("sat by seg, weighted, Clopper-Pearson", "sat", "seg", weighted = TRUE, options = list(interval = "clopper-pearson")),
  case("sat by seg, unweighted, Clopper-Pearson, BH, alpha2 0.10", "sat", "seg", options = list(interval = "clopper-pearson", adjust = "bh", alpha2 = 0.1)),
  case("sat by region (small column), unweighted", "sat", "region"),
  case("sat by region, weighted, BH", "sat", "region", weighted = TRUE, options = list(adjust = "bh")),
  case("tools by seg, unweighted", "tools", "seg"),
  case("tools by seg, weighted", "tools", "seg", weighted = TRUE),
  case("tools by seg, unweighted, % of responses", "tools", "seg", options = list(multiPercent = "responses")),
  case("tools by seg, weighted, valid %", "tools", "seg", weighted = TRUE, options = list(percentBase = "valid")),
  case("churn by seg, unweighted", "churn", "seg"),
  case("churn by seg, weighted", "churn", "seg", weighted = TRUE),
  case("staff by seg, unweighted", "staff", "seg"),
  case("staff by seg, weighted", "staff", "seg", weighted = TRUE),
  case("sat by seg, filter tools includesAny [1, 2], unweighted", "sat", "seg", keep = chose(1) | chose(2), filters = list(list(q = "tools", includesAny = c(1, 2)))),
  case("sat by seg, filter staff ≥ 10, weighted", "sat", "seg", weighted = TRUE, keep = !is.na(df$staff) & df$staff >= 10, filters = list(list(q = "staff", range = list(min = 10)))),
  case("tools by region, filter seg in [1, 2], unweighted", "tools", "region", keep = df$seg %in% c(1, 2), filters = list(list(q = "seg", `in` = c(1, 2)))),
  case("tools by seg, filter includesAll [1, 2] and region in [1], weighted", "tools", "seg", weighted = TRUE, keep = chose(1) & chose(2) & df$region == 1, filters = list(list(q = "tools", includesAll = c(1, 2)), list(q = "region", `in` = list(1)))),
  case("sat by big (derived banner), weighted", "sat", "big", weighted = TRUE),
  case("sat by seg within universe paid, unweighted", "sat", "seg", keep = df$plan == 1, universe = "paid"),
  case("rec by seg (question universe paid), weighted", "rec", "seg", weighted = TRUE),
  case("seg by region, unweighted", "seg", "region"),
  case("churn total, weighted, valid %", "churn", weighted = TRUE, options = list(percentBase = "valid")),
  case("sat by seg, weighted, substantive base (わからない left out)", "sat", "seg", weighted = TRUE, options = list(percentBase = "substantive")),
  case("churn by region, unweighted, substantive base", "churn", "region", options = list(percentBase = "substantive")),
  case("tools by seg, unweighted, substantive base", "tools", "seg", options = list(percentBase = "substantive")),
  case("sat by tools (multi-answer banner: no letters), unweighted", "sat", "tools"),
  case("staff total, weighted, filter sat in [4, 5]", "staff", weighted = TRUE, keep = !is.na(df$sat) & df$sat %in% c(4, 5), filters = list(list(q = "sat", `in` = c(4, 5)))),
  case("tools by seg, weighted, % of responses", "tools", "seg", weighted = TRUE, options = list(multiPercent = "responses")),
  case("sat by tools (multi-answer banner), weighted", "sat", "tools", weighted = TRUE),
  case("tools by tools (multi-answer banner), weighted, valid %", "tools", "tools", weighted = TRUE, options = list(percentBase = "valid")),
  case("tools by tools (multi-answer banner), weighted, % of responses", "tools", "tools", weighted = TRUE, options = list(multiPercent = "responses"))
)
# Every weighted case twice: with Kish effective bases and with design-based variances (the default).
cases <- do.call(c, lapply(cases, function(c) {
  if (!c$weighted) return(list(c))
  kish <- c
  kish$name <- paste0(c$name, ", Kish")
  kish$options <- modifyList(as.list(c$options), list(variance = "kish"))
  by_design <- c
  by_design$name <- paste0(c$name, ", design")
  list(kish, by_design)
}))

results <- lapply(cases, crosstab)
out <- list(
  generatedBy = "scripts/oracle/compute.R",
  r = R.version.string,
  survey = as.character(packageVersion("survey")),
  fixture = fixture,
  cases = results
)
dir.create("tests/oracle", showWarnings = FALSE)
tmp <- "tests/oracle/expected.json.tmp"
write_json(out, tmp, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = 1)
invisible(file.rename(tmp, "tests/oracle/expected.json"))
cat(sprintf("wrote %d cases to tests/oracle/expected.json\n", length(results)))
