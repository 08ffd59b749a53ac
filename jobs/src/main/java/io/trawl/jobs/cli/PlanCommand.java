package io.trawl.jobs.cli;

import io.trawl.jobs.classify.CostModel;
import io.trawl.jobs.classify.JobInputs;
import io.trawl.jobs.plan.Budget;
import io.trawl.jobs.plan.IntervalMethod;
import io.trawl.jobs.plan.PlanReport;
import io.trawl.jobs.plan.SamplingPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl plan --budget 10GB|5000objects|$2 [--confidence 0.95] [--plan-id ID] ...}. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plan which objects to sample within a budget so every bucket's sensitive-object"
            + " prevalence is known as precisely as the budget allows; writes sampling_plans.")
final class PlanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin PlanOptions options;

  @Override
  public Integer call() {
    SamplingPlanner.Settings settings = options.settings(common, null);
    SparkSession spark = common.session("trawl-plan");
    SamplingPlanner.Plan plan =
        SamplingPlanner.plan(
            spark,
            new SamplingPlanner.Settings(
                settings.catalog(),
                settings.budget(),
                settings.confidence(),
                settings.method(),
                settings.planId(),
                settings.buckets(),
                settings.cost(),
                common.registrars(spark)));
    spec.commandLine().getOut().print(PlanReport.plan(plan));
    return 0;
  }

  /** A cost model from a JSON file, or the defaults. */
  static CostModel costModel(String file, Configuration conf) {
    return file == null
        ? CostModel.defaults()
        : CostModel.fromJson(file, JobInputs.readText(file, conf));
  }

  /** The options plan and discover share. */
  static final class PlanOptions {
    @Option(
        names = "--budget",
        required = true,
        paramLabel = "<N>GB|<N>objects|$<N>",
        description =
            "What the sample may cost: gigabytes, objects, or US dollars of estimated cost.")
    String budget;

    @Option(
        names = "--confidence",
        defaultValue = "0.95",
        description = "Confidence level of the prevalence intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
        names = "--interval",
        defaultValue = "wilson",
        paramLabel = "wilson|clopper-pearson",
        description = "Interval method (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(
        names = "--plan-id",
        paramLabel = "ID",
        description =
            "Plan to (re)write (default: plan-<UTC time>, discover-<UTC time> for discover).")
    String planId;

    @Option(
        names = "--buckets",
        split = ",",
        paramLabel = "BUCKET",
        description = "Only these buckets (comma-separated or repeated; default: every bucket).")
    List<String> buckets = new ArrayList<>();

    @Option(
        names = "--cost-model",
        paramLabel = "FILE",
        description = "Cost model JSON (see docs/cost-model.md; default: US East list prices).")
    String costModelFile;

    /** Validated settings (before Spark starts, so bad input fails fast). */
    SamplingPlanner.Settings settings(CommonOptions common, String defaultPlanId) {
      IntervalMethod method;
      try {
        method = IntervalMethod.parse(interval);
      } catch (IllegalArgumentException e) {
        throw io.trawl.TrawlErrors.invalidArgument(
            "--interval must be wilson or clopper-pearson, got %s", interval);
      }
      return new SamplingPlanner.Settings(
          common.catalog(),
          Budget.parse(budget),
          confidence,
          method,
          planId != null ? planId : defaultPlanId,
          buckets,
          costModel(costModelFile, common.hadoopConf()),
          List.of());
    }
  }
}
