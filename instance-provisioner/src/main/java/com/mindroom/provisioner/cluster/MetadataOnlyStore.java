package com.mindroom.provisioner.cluster;

import java.lang.reflect.InvocationTargetException;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer store that keeps only each object's metadata, so the cache stays small and
 * holds no Secret or ConfigMap data.
 *
 * @param <T> the kind of object
 */
class MetadataOnlyStore<T extends HasMetadata> extends BasicItemStore<T> {

	private final Class<T> kind;

	MetadataOnlyStore(Class<T> kind) {
		super(Cache::metaNamespaceKeyFunc);
		this.kind = kind;
	}

	@Override
	public T put(String key, T object) {
		return super.put(key, slim(object));
	}

	private T slim(T object) {
		try {
			T slim = this.kind.getDeclaredConstructor().newInstance();
			slim.setMetadata(object.getMetadata());
			return slim;
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException ex) {
			throw new IllegalStateException("Cannot cache " + this.kind.getSimpleName(), ex);
		}
	}

}
