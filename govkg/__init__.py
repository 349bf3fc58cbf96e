"""govkg: a knowledge graph of Chinese community-governance practices (社区治理实践知识图谱)."""
__version__ = "0.1.0"
