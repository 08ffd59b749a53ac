"""Trawl on a schedule: inventory, classification, scoring and export (then the HTML report).

Two DAGs from one file, for the two ways of running Spark on AWS:

* ``trawl_emr``: steps on a running EMR on EC2 cluster (EmrAddStepsOperator, then EmrStepSensor
  per step), the cluster configured with ``emr-configs/cluster-configurations.json``;
* ``trawl_emr_serverless``: job runs on an EMR Serverless application
  (EmrServerlessStartJobOperator), configured as ``emr-configs/serverless/``.

Airflow Variables: ``trawl_cluster_id`` (EMR cluster ID), ``trawl_serverless_app_id`` and
``trawl_job_role_arn`` (EMR Serverless). Replace the YOUR-* bucket names below. Each job is a
``trawl`` CLI call; the arguments live in TRAWL_JOBS as literals so that Trawl's build can check
them against the CLI without Airflow (jobs/src/test/.../AirflowDagTest). Runs are idempotent:
the classification run ID is derived from the logical date, so a retry or a backfill replaces
that day's rows instead of adding to them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrServerlessStartJobOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor

JAR = "s3://YOUR-ARTIFACTS/trawl/trawl-jobs.jar"
WAREHOUSE = "s3://YOUR-LAKE/trawl"
ACCOUNT_ID = "111122223333"
REGION = "us-east-1"
RUN_ID = "daily-{{ ds_nodash }}"
INVENTORY_MANIFEST = "s3://YOUR-INVENTORY/YOUR-ESTATE-BUCKET/daily/{{ ds }}T01-00Z/manifest.json"

# The trawl CLI arguments of each job, in pipeline order.
TRAWL_JOBS = {
    "inventory": [
        "inventory",
        "--warehouse", WAREHOUSE,
        "--account-id", ACCOUNT_ID,
        "--s3-inventory", INVENTORY_MANIFEST,
        "--object-scheme", "s3",
        "--glue-region", REGION,
    ],
    "classify": [
        "classify",
        "--warehouse", WAREHOUSE,
        "--job", "s3://YOUR-ARTIFACTS/trawl/jobs/pii-scan.json",
        "--config-dir", "s3://YOUR-ARTIFACTS/trawl/config",
        "--results-location", "s3://YOUR-RESULTS/trawl-discovery-results",
        "--hash-key-file", "s3://YOUR-SECRETS/trawl/hash.key",
        "--run-id", RUN_ID,
        "--account-id", ACCOUNT_ID,
        "--region", REGION,
        "--glue-region", REGION,
    ],
    "score": [
        "score",
        "--warehouse", WAREHOUSE,
        "--posture-api",
        "--region", REGION,
    ],
    "export": [
        "export",
        "--warehouse", WAREHOUSE,
        "--format", "asff",
        "--run-id", RUN_ID,
        "--out", "s3://YOUR-EXPORTS/trawl/findings/{{ ds }}.asff.jsonl",
    ],
    "report": [
        "report",
        "--warehouse", WAREHOUSE,
        "--run-id", RUN_ID,
        "--out", "s3://YOUR-REPORTS/trawl/{{ ds }}.html",
    ],
}

# Spark settings EMR Serverless needs on the command line (an EMR cluster has them from its
# configuration classifications instead).
SERVERLESS_SUBMIT_PARAMETERS = " ".join(
    [
        "--class io.trawl.jobs.cli.TrawlCli",
        "--conf spark.jars=/usr/share/aws/delta/lib/delta-spark.jar,"
        "/usr/share/aws/delta/lib/delta-storage.jar",
        "--conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension",
        "--conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog",
        "--conf spark.hadoop.hive.metastore.client.factory.class="
        "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory",
        "--conf spark.sql.session.timeZone=UTC",
    ]
)

DEFAULT_ARGS = {
    "owner": "trawl",
    "retries": 1,
    "retry_delay": timedelta(minutes=10),
}


def emr_step(name: str, args: list[str]) -> dict:
    """An EMR step that spark-submits one trawl job (as emr-configs/step-*.json)."""
    return {
        "Name": f"trawl-{name}-{{{{ ds }}}}",
        "ActionOnFailure": "CANCEL_AND_WAIT",
        "HadoopJarStep": {
            "Jar": "command-runner.jar",
            "Args": [
                "spark-submit",
                "--deploy-mode",
                "cluster",
                "--class",
                "io.trawl.jobs.cli.TrawlCli",
                JAR,
                *args,
            ],
        },
    }


with DAG(
    dag_id="trawl_emr",
    description="Trawl inventory, classification, scoring and export as EMR steps",
    schedule="@daily",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["trawl", "macie"],
) as emr_dag:
    previous = None
    for job, job_args in TRAWL_JOBS.items():
        add = EmrAddStepsOperator(
            task_id=f"add_{job}",
            job_flow_id="{{ var.value.trawl_cluster_id }}",
            steps=[emr_step(job, job_args)],
        )
        wait = EmrStepSensor(
            task_id=f"wait_{job}",
            job_flow_id="{{ var.value.trawl_cluster_id }}",
            step_id=f"{{{{ task_instance.xcom_pull(task_ids='add_{job}')[0] }}}}",
        )
        add >> wait
        if previous is not None:
            previous >> add
        previous = wait


with DAG(
    dag_id="trawl_emr_serverless",
    description="Trawl inventory, classification, scoring and export on EMR Serverless",
    schedule="@daily",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["trawl", "macie"],
) as serverless_dag:
    previous = None
    for job, job_args in TRAWL_JOBS.items():
        run = EmrServerlessStartJobOperator(
            task_id=f"run_{job}",
            application_id="{{ var.value.trawl_serverless_app_id }}",
            execution_role_arn="{{ var.value.trawl_job_role_arn }}",
            name=f"trawl-{job}-{{{{ ds }}}}",
            job_driver={
                "sparkSubmit": {
                    "entryPoint": JAR,
                    "entryPointArguments": job_args,
                    "sparkSubmitParameters": SERVERLESS_SUBMIT_PARAMETERS,
                }
            },
            configuration_overrides={
                "monitoringConfiguration": {
                    "s3MonitoringConfiguration": {"logUri": "s3://YOUR-LOGS/emr-serverless/trawl/"}
                }
            },
            wait_for_completion=True,
        )
        if previous is not None:
            previous >> run
        previous = run
