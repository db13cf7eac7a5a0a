package com.mindroom.common.plan;

/**
 * What a plan's instance runs on: container requests and limits, the tenant quota and the
 * volume size, in Kubernetes quantity notation.
 *
 * @param cpuRequest the CPU request of the MindRoom container
 * @param cpuLimit the CPU limit of the MindRoom container
 * @param memoryRequest the memory request of the MindRoom container
 * @param memoryLimit the memory limit of the MindRoom container
 * @param quotaCpu the tenant namespace's total CPU limit
 * @param quotaMemory the tenant namespace's total memory limit
 * @param volumeSize the size of the instance's data volume
 */
public record ResourceProfile(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit,
		String quotaCpu, String quotaMemory, String volumeSize) {

}
